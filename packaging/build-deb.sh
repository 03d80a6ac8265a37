#!/usr/bin/env bash
# Builds the desktop app as a Linux app-image and a .deb with jpackage (JDK 17+, plus
# fakeroot and dpkg-deb, which jpackage calls):
#
#   packaging/build-deb.sh             # mvn package, then jpackage
#   packaging/build-deb.sh --no-build  # reuse client-desktop/target/ as it is
#
# Output in packaging/target/: image/Carrel/ (the app-image; bin/Carrel runs it) and
# carrel_<version>-1_amd64.deb, which installs to /opt/carrel. MVN_FLAGS passes extra flags to
# Maven (e.g. MVN_FLAGS=-o for an offline build).
#
# The app runs from the classpath: client-desktop's jar plus target/lib/ (JavaFX with its linux
# classifier, webrtc-java), main class app.carrel.client.Launcher, on a jlink'd Java runtime.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
out=$here/target
app=$root/client-desktop/target

# The natives inside the jars link against these; jpackage only scans the runtime image, so its
# own list (libc6, zlib1g, the JDK's AWT X11 libraries) misses the rest. JavaFX's GTK glass also
# needs libxtst6, which libgtk-3-0 does not bring; its OpenGL pipeline needs libxxf86vm1, which
# libgl1 brings only through Mesa (one libglx vendor of several).
deps="libgtk-3-0, libgl1, libxtst6, libxxf86vm1,"
deps+=" libpulse0, libudev1, libx11-6, libxfixes3, libxrandr2, libxcomposite1, libdbus-1-3,"
# Fonts for names in any script (issue 15): without them a Korean name is boxes. Depends, not
# Recommends: the boxes are the app failing at its job, and all four come to 11 MB installed with
# no dependencies of their own (Noto's core + CJK + colour emoji would be 144 MB). DejaVu Sans:
# Latin, Greek, Cyrillic, Hebrew, Arabic; WenQuanYi Micro Hei: all 11,172 Hangul syllables, Kana,
# Han; Lohit Devanagari; Symbola: emoji in outlines, which JavaFX 21 and AWT draw (a colour emoji
# font they cannot: a ZWJ sequence shaped into it shows as a box).
deps+=" fonts-dejavu-core, fonts-wqy-microhei, fonts-lohit-deva, fonts-symbola"

for tool in jpackage jdeps fakeroot dpkg-deb; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: needs a JDK 17+ with jmods, fakeroot" >&2; exit 1; }
done

if [[ ${1:-} != --no-build ]]; then
    # shellcheck disable=SC2086 # MVN_FLAGS is a list of flags
    mvn -B -q ${MVN_FLAGS:-} -f "$root/pom.xml" -pl client-desktop -am package -DskipTests
fi

version=$(sed -n 's/^version=//p' "$app/maven-archiver/pom.properties")
main_jar=carrel-app.jar
[[ -f $app/$main_jar ]] || { echo "No $app/$main_jar: build client-desktop first" >&2; exit 1; }
# Debian and jpackage want a plain numeric version: 0.1.0-SNAPSHOT packages as 0.1.0.
app_version=${version%%-*}

rm -rf "$out"
mkdir -p "$out/input"
cp "$app/$main_jar" "$app"/lib/*.jar "$out/input/"

# The jlink'd runtime carries only the modules the jars use (jdeps) plus what is reached by
# name at run time: jdk.crypto.ec for wss:// to servers with EC certificates, jdk.localedata
# for dates and numbers outside English, java.management for logback. Every JDK module (the
# default) would add some 35 MB installed and 10 MB to the download.
classpath=$(cd "$out/input" && printf '%s\n' ./*.jar | paste -sd:)
modules=$(cd "$out/input" && jdeps --ignore-missing-deps --multi-release 17 --print-module-deps \
    --class-path "$classpath" ./*.jar 2>/dev/null | tail -n 1)
[[ $modules == java.base* ]] || { echo "jdeps found no module list (got: $modules)" >&2; exit 1; }
modules+=",java.desktop,java.logging,java.xml,java.management,jdk.crypto.ec,jdk.localedata"

echo "jpackage: app-image Carrel $app_version on $modules"
jpackage --type app-image \
    --name Carrel \
    --app-version "$app_version" \
    --vendor Carrel \
    --description "Browser-free study rooms" \
    --input "$out/input" \
    --main-jar "$main_jar" \
    --main-class app.carrel.client.Launcher \
    --add-modules "$modules" \
    --icon "$here/icon/carrel.png" \
    --dest "$out/image"

# Our own desktop entry rides inside the image; deb/postinst copies it to
# /usr/share/applications (jpackage's --linux-shortcut would call xdg-desktop-menu instead).
cp "$here/deb/carrel.desktop" "$out/image/Carrel/lib/carrel.desktop"

echo "jpackage: deb carrel $app_version"
jpackage --type deb \
    --app-image "$out/image/Carrel" \
    --name Carrel \
    --app-version "$app_version" \
    --vendor Carrel \
    --description "Browser-free study rooms: video, chat and a shared focus timer" \
    --linux-package-name carrel \
    --linux-deb-maintainer "${CARREL_DEB_MAINTAINER:-carrel@localhost}" \
    --linux-app-category education \
    --linux-package-deps "$deps" \
    --install-dir /opt \
    --resource-dir "$here/deb" \
    --dest "$out"

ls -1 "$out"/carrel_*.deb
