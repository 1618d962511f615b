# SPDX-License-Identifier: GPL-3.0-or-later
# Windows: an NSIS installer (and a zip of the same tree) with Start menu and desktop shortcuts,
# "Open with Authlens" for .eml files, and authlens-cli on the PATH. Written for Windows builds; not
# built or tested on the Linux machines this project develops on.
set(CPACK_GENERATOR "NSIS;ZIP")

if(TARGET authlens)
    # A GUI program: no console window behind it.
    set_target_properties(authlens PROPERTIES WIN32_EXECUTABLE ON)
    # windeployqt through Qt's own deploy script: Qt DLLs and the plugins the app loads (platforms,
    # sqldrivers, tls, styles, imageformats) next to authlens.exe. Qt 6.4 spells the option
    # FILENAME_VARIABLE; 6.5 and later also accept OUTPUT_SCRIPT.
    qt_generate_deploy_app_script(TARGET authlens FILENAME_VARIABLE authlens_deploy_script
        NO_UNSUPPORTED_PLATFORM_ERROR)
    install(SCRIPT ${authlens_deploy_script})
endif()

# The libraries that are not Qt's (OpenSSL, libunbound, libpsl, SQLite, zlib) copied beside the
# programs; Windows' own DLLs are left out, Qt's are deployed above.
set(authlens_installed_programs authlens-cli)
if(TARGET authlens)
    list(APPEND authlens_installed_programs authlens)
endif()
install(TARGETS ${authlens_installed_programs}
    RUNTIME_DEPENDENCY_SET authlens_runtime_libraries
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# DLLs live in bin/ beside the lib/ holding the import libraries the build linked.
get_filename_component(authlens_openssl_lib_dir "${OPENSSL_CRYPTO_LIBRARY}" DIRECTORY)
set(authlens_dll_dirs "${authlens_openssl_lib_dir}/../bin" "${authlens_openssl_lib_dir}")
foreach(prefix IN LISTS CMAKE_PREFIX_PATH)
    list(APPEND authlens_dll_dirs "${prefix}/bin")
endforeach()
install(RUNTIME_DEPENDENCY_SET authlens_runtime_libraries
    PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-"
    POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*\\.dll$" ".*Qt6.*\\.dll$"
    DIRECTORIES ${authlens_dll_dirs}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Authlens")
set(CPACK_NSIS_PACKAGE_NAME "Authlens ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "Authlens")
set(CPACK_NSIS_MUI_ICON "${PROJECT_SOURCE_DIR}/resources/icons/authlens.ico")
set(CPACK_NSIS_MUI_UNIICON "${PROJECT_SOURCE_DIR}/resources/icons/authlens.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\authlens.exe")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "authlens.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
# authlens-cli from any prompt.
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_CREATE_DESKTOP_LINKS "authlens")
# "Open with" for .eml (message/rfc822) and .mbox: a ProgID per type, listed in OpenWithProgids, so
# Windows offers Authlens without taking the default away from the user's mail program. SHCTX is
# HKLM for an all-users install and HKCU otherwise. NSIS takes backslashes literally, and
# CPACK_VERBATIM_VARIABLES hands these lines over unchanged.
set(CPACK_NSIS_EXTRA_INSTALL_COMMANDS [[
  WriteRegStr SHCTX "Software\Classes\Authlens.eml" "" "Email message"
  WriteRegStr SHCTX "Software\Classes\Authlens.eml\DefaultIcon" "" "$INSTDIR\bin\authlens.exe,0"
  WriteRegStr SHCTX "Software\Classes\Authlens.eml\shell\open\command" "" '"$INSTDIR\bin\authlens.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\.eml\OpenWithProgids" "Authlens.eml" ""
  WriteRegStr SHCTX "Software\Classes\.mbox\OpenWithProgids" "Authlens.eml" ""
  WriteRegStr SHCTX "Software\Classes\Applications\authlens.exe\SupportedTypes" ".eml" ""
  WriteRegStr SHCTX "Software\Classes\Applications\authlens.exe\SupportedTypes" ".mbox" ""
  WriteRegStr SHCTX "Software\Classes\Applications\authlens.exe\shell\open\command" "" '"$INSTDIR\bin\authlens.exe" "%1"'
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
]])
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS [[
  DeleteRegValue SHCTX "Software\Classes\.eml\OpenWithProgids" "Authlens.eml"
  DeleteRegValue SHCTX "Software\Classes\.mbox\OpenWithProgids" "Authlens.eml"
  DeleteRegKey SHCTX "Software\Classes\Authlens.eml"
  DeleteRegKey SHCTX "Software\Classes\Applications\authlens.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
]])
