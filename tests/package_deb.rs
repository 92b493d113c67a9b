//! The Debian package's definition, checked without building it: the desktop entry, the
//! workspace MIME type, the icons, the dependencies and the asset list in Cargo.toml's
//! `[package.metadata.deb]` (what `tools/package-deb.sh` feeds to cargo-deb).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The `[Desktop Entry]` group of a desktop file, key → value.
fn desktop_entry() -> BTreeMap<String, String> {
    let text = read("packaging/linux/jixiao.desktop");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("[Desktop Entry]"));
    lines
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            assert!(!l.starts_with('['), "a second group: {l}");
            let (k, v) = l
                .split_once('=')
                .unwrap_or_else(|| panic!("not key=value: {l}"));
            (k.to_owned(), v.to_owned())
        })
        .collect()
}

#[test]
fn desktop_entry_names_the_app_in_chinese_and_opens_workspace_files() {
    let e = desktop_entry();
    let get = |k: &str| e.get(k).map_or_else(|| panic!("no {k}"), String::as_str);
    assert_eq!(get("Type"), "Application");
    assert_eq!(get("Name"), "绩效评价工作台");
    assert_eq!(get("Name[zh_CN]"), "绩效评价工作台");
    assert!(get("Comment").contains("预算绩效评价"));
    assert!(get("Comment[zh_CN]").contains("预算绩效评价"));
    // %f: a double-clicked file arrives as the one argument `jixiao FILE` opens.
    assert_eq!(get("Exec"), "jixiao %f");
    assert_eq!(get("Icon"), "jixiao");
    assert_eq!(get("Terminal"), "false");
    assert_eq!(get("Categories"), "Office;Finance;");
    assert_eq!(get("MimeType"), "application/x-jixiao-workspace;");
    // The window's app id (X11 class, Wayland app_id) is what ties it to this entry.
    assert_eq!(get("StartupWMClass"), "jixiao");
    assert!(read("src/ui/mod.rs").contains(".with_app_id(\"jixiao\")"));
}

#[test]
fn mime_type_claims_our_workspace_files_but_not_every_ron_file() {
    let xml = read("packaging/linux/jixiao.xml");
    assert!(xml.contains("<mime-type type=\"application/x-jixiao-workspace\">"));
    assert!(xml.contains("<glob pattern=\"*.jixiao.ron\""));
    assert!(!xml.contains("pattern=\"*.ron\""), "RON is not only ours");
    assert!(xml.contains("<comment xml:lang=\"zh_CN\">绩效评价工作区</comment>"));
    assert!(xml.contains(
        "<match type=\"string\" value=\"format_version:\" offset=\"0:4096\">\n        \
         <match type=\"string\" value=\"meta:\" offset=\"0:4096\"/>"
    ));
    // The magic must see both strings in the first 4 KiB of the bundled sample (after its
    // comment header) and of a file the app saves.
    let saved =
        jixiao::store::to_ron_string(&jixiao::store::load_str(jixiao::cli::SAMPLE_RON).unwrap())
            .unwrap();
    for (name, text) in [
        ("sample", jixiao::cli::SAMPLE_RON),
        ("saved", saved.as_str()),
    ] {
        let head = &text.as_bytes()[..4096.min(text.len())];
        for magic in [&b"format_version:"[..], b"meta:"] {
            assert!(
                head.windows(magic.len()).any(|w| w == magic),
                "{name}: {} not in the first 4 KiB",
                String::from_utf8_lossy(magic)
            );
        }
    }
}

/// Width and height from a PNG's IHDR chunk, after checking the signature.
fn png_size(path: &Path) -> (u32, u32) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(
        &bytes[..8],
        b"\x89PNG\r\n\x1a\n",
        "{} is not a PNG",
        path.display()
    );
    assert_eq!(&bytes[12..16], b"IHDR");
    let be =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (be(16), be(20))
}

#[test]
fn icon_is_an_svg_with_pngs_of_every_hicolor_size() {
    let svg = read("packaging/icons/jixiao.svg");
    assert!(svg.starts_with("<?xml"));
    assert!(svg.contains(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\" viewBox=\"0 0 256 256\">"
    ));
    assert!(svg.trim_end().ends_with("</svg>"));
    for size in [16, 22, 24, 32, 48, 64, 128, 256] {
        let png = root().join(format!(
            "packaging/icons/hicolor/{size}x{size}/apps/jixiao.png"
        ));
        assert_eq!(png_size(&png), (size, size), "{}", png.display());
    }
}

/// The `[package.metadata.deb]` table of Cargo.toml as text (up to the next table).
fn deb_metadata() -> String {
    let manifest = read("Cargo.toml");
    let start = manifest
        .find("\n[package.metadata.deb]\n")
        .expect("no [package.metadata.deb]");
    let rest = &manifest[start + 1..];
    let end = rest[1..].find("\n[").map_or(rest.len(), |i| i + 2);
    rest[..end].to_owned()
}

/// The value of a one-line string key of the deb metadata, split at commas.
fn deb_list(key: &str) -> Vec<String> {
    let meta = deb_metadata();
    let prefix = format!("{key} = \"");
    let line = meta
        .lines()
        .find(|l| l.starts_with(&prefix))
        .unwrap_or_else(|| panic!("no {key}"));
    line[prefix.len()..line.len() - 1]
        .split(',')
        .map(|p| p.trim().to_owned())
        .collect()
}

/// `[source, destination, mode]` of every asset.
fn deb_assets() -> Vec<[String; 3]> {
    deb_metadata()
        .lines()
        .filter(|l| l.trim_start().starts_with("[\""))
        .map(|l| {
            let parts: Vec<String> = l.split('"').skip(1).step_by(2).map(str::to_owned).collect();
            parts
                .try_into()
                .unwrap_or_else(|p| panic!("not [src, dest, mode]: {p:?}"))
        })
        .collect()
}

/// The packages of the README's `apt-get install` line for the window's run time.
fn readme_runtime_packages() -> Vec<String> {
    let readme = read("README.md");
    let section = &readme[readme
        .find("### What the window needs at run time")
        .unwrap()..];
    let command = &section[section.find("apt-get install").unwrap() + "apt-get install".len()..];
    let command = &command[..command.find("```").unwrap()];
    command
        .split_whitespace()
        .filter(|w| !w.starts_with('-') && *w != "\\")
        .map(str::to_owned)
        .collect()
}

#[test]
fn depends_covers_the_readmes_run_time_list() {
    let readme = readme_runtime_packages();
    assert_eq!(
        readme,
        [
            "libx11-6",
            "libx11-xcb1",
            "libxcursor1",
            "libxi6",
            "libxkbcommon-x11-0",
            "libgl1",
            "libglx-mesa0"
        ]
    );
    let depends = deb_list("depends");
    // $auto: dpkg-shlibdeps adds what the binary links (libc6, libgcc-s1).
    assert_eq!(depends[0], "$auto");
    for package in &readme {
        assert!(
            depends.contains(package),
            "{package} is not in Depends: {depends:?}"
        );
    }
    let recommends = deb_list("recommends");
    for package in [
        "libwayland-client0",
        "libwayland-egl1",
        "libegl1",
        "libdbus-1-3",
    ] {
        assert!(
            recommends.iter().any(|r| r == package),
            "{package} not recommended"
        );
    }
}

#[test]
fn assets_exist_and_install_where_the_desktop_looks() {
    let assets = deb_assets();
    let dests: Vec<String> = assets
        .iter()
        .map(|[src, dest, _]| {
            let name = Path::new(src).file_name().unwrap().to_str().unwrap();
            format!("{dest}{name}")
        })
        .collect();
    for [src, dest, mode] in &assets {
        assert!(dest.ends_with('/') && !dest.starts_with('/'), "{dest}");
        if src == "target/release/jixiao" {
            assert_eq!((dest.as_str(), mode.as_str()), ("usr/bin/", "755"));
            assert!(read("Cargo.toml").contains("[[bin]]\nname = \"jixiao\""));
        } else {
            assert!(root().join(src).is_file(), "{src} does not exist");
            assert_eq!(mode, "644", "{src}");
        }
    }
    let mut expected = vec![
        "usr/bin/jixiao".to_owned(),
        "usr/share/applications/jixiao.desktop".to_owned(),
        "usr/share/mime/packages/jixiao.xml".to_owned(),
        "usr/share/icons/hicolor/scalable/apps/jixiao.svg".to_owned(),
        "usr/share/doc/jixiao/OFL.txt".to_owned(),
    ];
    for size in [16, 22, 24, 32, 48, 64, 128, 256] {
        expected.push(format!(
            "usr/share/icons/hicolor/{size}x{size}/apps/jixiao.png"
        ));
    }
    for path in &expected {
        assert!(dests.contains(path), "{path} is not installed: {dests:?}");
    }
    assert!(root().join(&deb_list("changelog")[0]).is_file());
    // cargo-deb installs the license-file as /usr/share/doc/jixiao/copyright.
    assert!(deb_metadata().contains("\nlicense-file = [\"packaging/debian/copyright\", \"0\"]\n"));
}

#[test]
fn copyright_file_carries_the_fonts_ofl_as_in_fonts_ofl_txt() {
    let copyright = read("packaging/debian/copyright");
    assert!(copyright.starts_with(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
    ));
    assert!(copyright.contains("\nFiles: fonts/NotoSansSC-Regular-GBK.otf\n"));
    assert!(copyright.contains("\nLicense: MIT or Apache-2.0\n"));
    // The crate's licence as declared in Cargo.toml.
    assert!(read("Cargo.toml").contains("license = \"MIT OR Apache-2.0\""));
    let ofl = read("fonts/OFL.txt");
    let licence = &ofl[ofl.find("SIL OPEN FONT LICENSE Version 1.1").unwrap()..];
    // The last paragraph, the licence text (the Files paragraph above names it too).
    let in_copyright = &copyright[copyright.rfind("\nLicense: OFL-1.1\n").unwrap() + 18..];
    let unfolded: Vec<&str> = in_copyright
        .lines()
        .map(|l| {
            if l == " ." {
                ""
            } else {
                l.strip_prefix(' ').unwrap_or(l)
            }
        })
        .collect();
    let expected: Vec<&str> = licence.trim_end().lines().map(str::trim_end).collect();
    assert_eq!(unfolded, expected);
}
