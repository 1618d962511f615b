# SPDX-License-Identifier: GPL-3.0-or-later
# Linux: a Debian package and a tarball of the same install tree.
set(CPACK_GENERATOR "DEB;TGZ")

set(CPACK_DEBIAN_PACKAGE_NAME "authlens")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # authlens_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION "mail")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${CPACK_PACKAGE_CONTACT}")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
# dpkg-shlibdeps finds every library the binaries link (Qt Core/Gui/Widgets/Charts/PrintSupport/Sql/
# Network, OpenSSL, libunbound, libpsl, ...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# What the scan cannot see, because it is loaded at run time: Qt's SQLite driver and platform
# plugins, the public suffix list libpsl reads, and the root trust anchor libunbound validates
# DNSSEC with. Qt Charts and Print Support are named too: the linker drops a library the code does
# not call yet (--as-needed), and the dashboard and PDF reports need them with their plugins.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6sql6-sqlite, qt6-qpa-plugins, publicsuffix, dns-root-data, libqt6charts6, libqt6printsupport6")
# Wayland sessions run the app natively with it, under XWayland without it.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
# No maintainer scripts: desktop-file-utils, shared-mime-info and the hicolor icon cache update
# themselves through dpkg triggers on the folders we install into.
