"""Builds Superfone Desk for the current OS into ``dist/``: one command for every OS.

Usage: python packaging/build.py [--fast] [--no-trim] [--skip-pyinstaller]

Always: ``dist/superfone-desk/``, the one-folder PyInstaller bundle (the spec is
``packaging/superfone-desk.spec``). Then, per OS:

- Linux: ``dist/superfone-desk-<version>-linux-<arch>.tar.gz`` (the bundle) and
  ``dist/superfone-desk_<version>_<debarch>.deb`` (built with dpkg-deb; installs to
  /opt/superfone-desk with a /usr/bin link, a menu entry and icons);
- Windows: ``dist/superfone-desk-<version>-setup.exe`` from the Inno Setup script
  ``packaging/windows/superfone-desk.iss`` (needs ISCC on PATH or in its default folder);
- macOS: ``dist/Superfone Desk.app`` (from the spec) and
  ``dist/superfone-desk-<version>-macos.dmg`` (hdiutil).

The version comes from ``superfone_desk.__version__`` and nowhere else. ``--no-trim``
builds without the Qt/phonenumbers trimming, to measure what the trimming saves.
``--skip-pyinstaller`` repackages an existing ``dist/superfone-desk/``. ``--fast``
compresses the Linux archives lightly (same contents; xz -6 on the .deb alone takes over
a minute on two cores): for smoke tests, not for releases.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
RESOURCES = ROOT / "resources"
DIST = ROOT / "dist"
WORK = ROOT / "build"
sys.path.insert(0, str(ROOT))

from superfone_desk import APP_ID, APP_NAME, __version__  # noqa: E402

BUNDLE = DIST / APP_ID
INSTALL_DIR = f"/opt/{APP_ID}"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# What the bundle needs from the system. PyInstaller carries most libraries along
# (Qt, xcb helpers, fontconfig, freetype, dbus, glib, xkbcommon); `ldd` on every ELF
# file in the bundle finds these left to the system (libc, libxcb, GL/EGL through
# libglvnd, Wayland). libfontconfig1 and libxkbcommon0 are listed for their data,
# which the bundled copies read from the system: fontconfig-config brings a font and
# its configuration, libxkbcommon0 brings xkb-data (keyboard layouts).
DEB_DEPENDS = (
    "libxcb1",
    "libgl1",
    "libglx0",
    "libglvnd0",
    "libegl1",
    "libwayland-client0",
    "libwayland-cursor0",
    "libwayland-egl1",
    "libfontconfig1",
    "libxkbcommon0",
    # Devanagari for the Hindi interface (issue #17); Lohit where Noto is not packaged.
    "fonts-noto-core | fonts-noto-hinted | fonts-lohit-deva",
)
# A Secret Service provider, for the API key in the keyring (without one the app keeps
# the key for the session only and says so).
DEB_RECOMMENDS = ("gnome-keyring | kwalletmanager | keepassxc",)
DEB_DESCRIPTION = f"""\
Desktop lead entry for Superfone CRM
 {APP_NAME} puts leads into a Superfone CRM account from the desktop: type a
 walk-in customer in at the counter, or update a lead after a call, from the
 keyboard. The API key is kept in the system keyring (Secret Service).
 .
 Run "superfone-desk --demo" to try it against a built-in stand-in of the
 Superfone API; nothing is sent to Superfone."""
DEB_MAINTAINER = os.environ.get("DEB_MAINTAINER", f"{APP_NAME} maintainers <{APP_ID}@localhost>")


def log(message: str) -> None:
    print(f"build: {message}", flush=True)


def run(cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> None:
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, env=env, cwd=cwd)


def human_size(path: Path) -> str:
    size = path.stat().st_size if path.is_file() else tree_size(path)
    return f"{size / 1024 / 1024:.1f} MiB"


def tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if not p.is_dir())


# --- the bundle ------------------------------------------------------------------------


def build_bundle(*, trim: bool) -> None:
    env = dict(os.environ)
    env["SUPERFONE_PACKAGING_NO_TRIM"] = "0" if trim else "1"
    # The .qm files are build output (not committed); the spec takes them as data.
    run([sys.executable, str(PACKAGING / "build_translations.py")], cwd=ROOT)
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={WORK / 'pyinstaller'}",
            str(PACKAGING / "superfone-desk.spec"),
        ],
        env=env,
        cwd=ROOT,
    )
    log(f"bundle: {BUNDLE.relative_to(ROOT)} ({human_size(BUNDLE)})")


# --- Linux -----------------------------------------------------------------------------


def linux_arch() -> str:
    return platform.machine() or "x86_64"


def deb_arch() -> str:
    try:
        out = subprocess.run(
            ["dpkg", "--print-architecture"], check=True, capture_output=True, text=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(linux_arch(), linux_arch())


def build_tarball(*, fast: bool) -> Path:
    out = DIST / f"{APP_ID}-{__version__}-linux-{linux_arch()}.tar.gz"

    def normalise(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(out, "w:gz", compresslevel=1 if fast else 9) as tar:
        tar.add(BUNDLE, arcname=APP_ID, filter=normalise)
    log(f"tarball: {out.relative_to(ROOT)} ({human_size(out)})")
    return out


def _elf_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    yield path


def glibc_floor(root: Path) -> str:
    """The newest GLIBC_x.y symbol version any file in the bundle asks for."""
    versions = {(0, 0)}
    for path in _elf_files(root):
        for major, minor in re.findall(rb"GLIBC_(\d+)\.(\d+)", path.read_bytes()):
            versions.add((int(major), int(minor)))
    major, minor = max(versions)
    return f"{major}.{minor}"


def deb_control(*, arch: str, installed_kib: int, libc: str) -> str:
    depends = ", ".join((f"libc6 (>= {libc})", *DEB_DEPENDS))
    return (
        f"Package: {APP_ID}\n"
        f"Version: {__version__}\n"
        f"Architecture: {arch}\n"
        f"Maintainer: {DEB_MAINTAINER}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {depends}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Section: misc\n"
        "Priority: optional\n"
        f"Description: {DEB_DESCRIPTION}\n"
    )


def stage_deb(staging: Path) -> None:
    """Lays out the package's files under ``staging`` (the future /)."""
    if staging.exists():
        shutil.rmtree(staging)
    opt = staging / INSTALL_DIR.lstrip("/")
    shutil.copytree(BUNDLE, opt, symlinks=True)
    bindir = staging / "usr" / "bin"
    bindir.mkdir(parents=True)
    # The PyInstaller bootloader finds its _internal/ through /proc/self/exe, so a link works.
    (bindir / APP_ID).symlink_to(f"{INSTALL_DIR}/{APP_ID}")
    share = staging / "usr" / "share"
    apps = share / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(RESOURCES / f"{APP_ID}.desktop", apps / f"{APP_ID}.desktop")
    hicolor = share / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(
            RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / f"{APP_ID}.png",
            target / f"{APP_ID}.png",
        )
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(RESOURCES / "icons" / f"{APP_ID}.svg", scalable / f"{APP_ID}.svg")
    doc = share / "doc" / APP_ID
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        f"{APP_NAME} is licensed under the MIT License. The bundle in {INSTALL_DIR}\n"
        "also holds Python, Qt for Python (LGPLv3) and the Python packages the app\n"
        "uses, each under its own licence.\n",
        encoding="utf-8",
    )
    for path in [staging, *staging.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if path.stat().st_mode & 0o111 else 0o644)


def build_deb(*, fast: bool) -> Path:
    arch = deb_arch()
    staging = WORK / "deb" / f"{APP_ID}_{__version__}_{arch}"
    stage_deb(staging)
    debian = staging / "DEBIAN"
    debian.mkdir()
    installed_kib = (tree_size(staging) + 1023) // 1024
    control = deb_control(arch=arch, installed_kib=installed_kib, libc=glibc_floor(BUNDLE))
    (debian / "control").write_text(control, encoding="utf-8")
    for script in ("postinst", "postrm"):
        shutil.copy2(PACKAGING / "linux" / script, debian / script)
        (debian / script).chmod(0o755)
    out = DIST / f"{APP_ID}_{__version__}_{arch}.deb"
    # xz is what every dpkg reads (Debian and Ubuntu alike); root:root owns all files.
    level = "-z1" if fast else "-z6"
    run(["dpkg-deb", "--root-owner-group", "-Zxz", level, "--build", str(staging), str(out)])
    log(f"deb: {out.relative_to(ROOT)} ({human_size(out)})")
    return out


# --- Windows ---------------------------------------------------------------------------


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").exists():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    return None


def numeric_version(version: str = __version__) -> str:
    """Four numbers, as Windows version resources want them: "1.2.0rc1" -> "1.2.0.0"."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    return ".".join(str(n) for n in (numbers + [0, 0, 0, 0])[:4])


def build_windows_installer() -> Path:
    iscc = find_iscc()
    if iscc is None:
        raise SystemExit("build: Inno Setup's ISCC.exe not found (install Inno Setup 6)")
    run(
        [
            iscc,
            f"/DAppVersion={__version__}",
            f"/DAppNumericVersion={numeric_version()}",
            f"/DSourceDir={BUNDLE}",
            f"/DIconFile={RESOURCES / 'icons' / f'{APP_ID}.ico'}",
            f"/O{DIST}",
            str(PACKAGING / "windows" / f"{APP_ID}.iss"),
        ]
    )
    out = DIST / f"{APP_ID}-{__version__}-setup.exe"
    log(f"installer: {out.relative_to(ROOT)} ({human_size(out)})")
    return out


# --- macOS -----------------------------------------------------------------------------


def build_dmg() -> Path:
    app = DIST / f"{APP_NAME}.app"
    staging = WORK / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    # The usual drag-to-install window: the app next to a link to /Applications.
    run(["ditto", str(app), str(staging / app.name)])
    (staging / "Applications").symlink_to("/Applications")
    out = DIST / f"{APP_ID}-{__version__}-macos.dmg"
    run(
        ["hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(staging)]
        + ["-fs", "HFS+", "-format", "UDZO", "-ov", str(out)]
    )
    log(f"dmg: {out.relative_to(ROOT)} ({human_size(out)})")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fast", action="store_true", help="light compression, for smoke tests")
    parser.add_argument("--no-trim", action="store_true", help="build without Qt trimming")
    parser.add_argument(
        "--skip-pyinstaller", action="store_true", help="repackage an existing dist/ bundle"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    log(f"{APP_NAME} {__version__} for {sys.platform}")
    if not args.skip_pyinstaller:
        build_bundle(trim=not args.no_trim)
    if not BUNDLE.is_dir():
        raise SystemExit(f"build: no bundle at {BUNDLE.relative_to(ROOT)}")
    if sys.platform.startswith("linux"):
        build_tarball(fast=args.fast)
        if shutil.which("dpkg-deb"):
            build_deb(fast=args.fast)
        else:
            log("dpkg-deb not found: no .deb (install the dpkg package)")
    elif sys.platform == "win32":
        build_windows_installer()
    elif sys.platform == "darwin":
        build_dmg()
    log(f"done in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
