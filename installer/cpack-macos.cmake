# SPDX-License-Identifier: GPL-3.0-or-later
# macOS: Authlens.app with Qt deployed into it (macdeployqt through Qt's deploy script), on a disk
# image to drag into Applications. Written for macOS builds; not built or tested on the Linux machines
# this project develops on.
#
# The bundle must be installed at the top of the image: app/desktop/CMakeLists.txt has to give
# `install(TARGETS authlens BUNDLE DESTINATION . RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})`
# (a BUNDLE DESTINATION is required for a MACOSX_BUNDLE target).
set(CPACK_GENERATOR "DragNDrop")
set(CPACK_DMG_VOLUME_NAME "Authlens ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDBZ")
set(CPACK_PACKAGE_ICON "${PROJECT_SOURCE_DIR}/resources/icons/authlens.icns")
set(CPACK_BUNDLE_NAME "Authlens")

if(TARGET authlens)
    set(authlens_icns "${PROJECT_SOURCE_DIR}/resources/icons/authlens.icns")
    target_sources(authlens PRIVATE "${authlens_icns}")
    # Source file properties belong to the directory of the target that uses them.
    set_source_files_properties("${authlens_icns}" DIRECTORY "${PROJECT_SOURCE_DIR}/app/desktop"
        PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
    set_target_properties(authlens PROPERTIES
        MACOSX_BUNDLE ON
        OUTPUT_NAME "Authlens"
        MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_SOURCE_DIR}/macos/Info.plist.in"
        MACOSX_BUNDLE_GUI_IDENTIFIER "${AUTHLENS_APP_ID}"
        MACOSX_BUNDLE_BUNDLE_NAME "Authlens"
        MACOSX_BUNDLE_EXECUTABLE_NAME "Authlens"
        MACOSX_BUNDLE_ICON_FILE "authlens.icns"
        MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
        MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
        MACOSX_BUNDLE_COPYRIGHT "GPL-3.0-or-later, Authlens developers")
    qt_generate_deploy_app_script(TARGET authlens FILENAME_VARIABLE authlens_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${authlens_deploy_script})
endif()
