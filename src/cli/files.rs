//! Reading inputs and writing outputs: folders walked for `.fair` files (each folder once, only
//! regular files read), writes made atomic, exclusive and faithful to the file they replace.

use std::collections::HashSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use fairpath::t;
use fairpath::vocab::Lang;

/// Expands each path: a file stays as it is, a folder yields its files ending in `.ext`,
/// recursively and sorted, each folder walked once however many links lead to it. A missing
/// path, a path that is not a regular file or folder, or a folder without such files is reported
/// as an input error; the flag says whether every path was found.
pub fn expand(paths: &[PathBuf], ext: &str, lang: Lang) -> (Vec<PathBuf>, bool) {
    let mut out = Vec::new();
    let mut ok = true;
    let mut visited = HashSet::new();
    for p in paths {
        if p.is_dir() {
            let mut found = Vec::new();
            walk(p, ext, &mut found, &mut visited);
            found.sort();
            if found.is_empty() {
                let said = t!(
                    lang,
                    "cli.message.no_files",
                    ext = ext,
                    folder = p.display()
                );
                super::input_error(&said, lang);
                ok = false;
            }
            out.extend(found);
        } else if p.exists() {
            match regular(p, lang) {
                Ok(()) => out.push(p.clone()),
                Err(why) => {
                    super::input_error(&why, lang);
                    ok = false;
                }
            }
        } else {
            super::input_error(&missing(p, lang), lang);
            ok = false;
        }
    }
    (out, ok)
}

/// Whether `path` is a regular file (after links): a FIFO, a device or a socket would block or
/// never end.
pub fn regular(path: &Path, lang: Lang) -> Result<(), String> {
    match fs::metadata(path) {
        Ok(m) if m.is_file() => Ok(()),
        Ok(_) => Err(t!(lang, "cli.message.not_regular", file = path.display())),
        Err(e) => Err(super::cannot_read(path, &e, lang)),
    }
}

/// That `path` is not there, in `lang`.
pub fn missing(path: &Path, lang: Lang) -> String {
    t!(lang, "cli.message.no_such_path", path = path.display())
}

fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>, visited: &mut HashSet<PathBuf>) {
    let Ok(real) = fs::canonicalize(dir) else {
        return;
    };
    if !visited.insert(real) {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, ext, out, visited);
        } else if p.extension().is_some_and(|x| x == ext) {
            // Read later, where a file that is not regular (a FIFO, a broken link) is reported.
            out.push(p);
        }
    }
}

/// Whether `output` is one of `inputs` (after links), which writing would destroy.
pub fn is_input(output: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(out) = fs::canonicalize(output) else {
        return false;
    };
    inputs
        .iter()
        .filter_map(|i| fs::canonicalize(i).ok())
        .any(|i| i == out || out.starts_with(&i) && i.is_dir())
}

/// Writes `contents` to `path` as an [`Atomic`] file does.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut f = Atomic::create(path)?;
    f.write_all(contents)?;
    f.commit()
}

/// A file being written to `path`: through a link, to the file it points at; through a new
/// temporary file in the same folder (created exclusively, never following a planted link) with
/// the original's permissions, renamed into place by [`Atomic::commit`], so that an interrupted
/// write never leaves a half-written file. A file with other hard links is rewritten in place,
/// so the links stay one file. Dropped without a commit, the temporary file is removed.
#[derive(Debug)]
pub struct Atomic {
    file: fs::File,
    target: PathBuf,
    tmp: Option<PathBuf>,
}

impl Atomic {
    /// Starts writing `path`.
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let existing = fs::metadata(&target).ok();
        if existing.as_ref().is_some_and(linked) {
            let file = fs::OpenOptions::new()
                .write(true)
                .truncate(true)
                .open(&target)?;
            return Ok(Atomic {
                file,
                target,
                tmp: None,
            });
        }
        let dir = target
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
        let file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        let atomic = Atomic {
            file,
            target,
            tmp: Some(tmp),
        };
        if let (Some(m), Some(tmp)) = (&existing, &atomic.tmp) {
            fs::set_permissions(tmp, m.permissions())?;
        }
        Ok(atomic)
    }

    /// Finishes the file: synced, then renamed into place.
    pub fn commit(mut self) -> std::io::Result<()> {
        self.file.sync_all()?;
        match self.tmp.take() {
            Some(tmp) => fs::rename(&tmp, &self.target).inspect_err(|_| {
                let _ = fs::remove_file(&tmp);
            }),
            None => Ok(()),
        }
    }
}

impl Write for Atomic {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.flush()
    }
}

impl Drop for Atomic {
    fn drop(&mut self) {
        if let Some(tmp) = &self.tmp {
            let _ = fs::remove_file(tmp);
        }
    }
}

/// Whether a file has other hard links.
#[cfg(unix)]
fn linked(m: &fs::Metadata) -> bool {
    std::os::unix::fs::MetadataExt::nlink(m) > 1
}

/// Whether a file has other hard links (not known here).
#[cfg(not(unix))]
fn linked(_: &fs::Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::write_atomic;

    #[test]
    fn a_link_planted_where_the_temporary_file_goes_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep me").unwrap();
        let target = dir.path().join("p.fair");
        std::fs::write(&target, "old").unwrap();
        let planted = dir
            .path()
            .join(format!(".p.fair.{}.tmp", std::process::id()));
        #[cfg(unix)]
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        assert!(
            write_atomic(&target, b"new").is_err(),
            "refused, not followed"
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "old");
        assert!(
            std::fs::symlink_metadata(&planted).is_ok(),
            "the planted link is left alone"
        );
    }
}
