//! Reading inputs and writing outputs: folders walked for `.fair` files, writes made atomic.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Expands each path: a file stays as it is, a folder yields its files ending in `.ext`,
/// recursively and sorted. A missing path or a folder without such files is reported as an input
/// error; the flag says whether every path was found.
pub fn expand(paths: &[PathBuf], ext: &str) -> (Vec<PathBuf>, bool) {
    let mut out = Vec::new();
    let mut ok = true;
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, ext, &mut found);
            found.sort();
            if found.is_empty() {
                super::input_error(&format!("no `.{ext}` files in folder `{}`", p.display()));
                ok = false;
            }
            out.extend(found);
        } else if p.exists() {
            out.push(p.clone());
        } else {
            super::input_error(&format!("no such file or folder: `{}`", p.display()));
            ok = false;
        }
    }
    (out, ok)
}

fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, ext, out);
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
}

/// Writes `contents` to `path` through a temporary file in the same folder, renamed into place,
/// so that an interrupted write never leaves a half-written file.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
