; A minimal installer around resources/windows/installer.nsh, standing in for electron-builder's template (which
; defines APP_EXECUTABLE_FILENAME and ${isUpdated}), so the macros run for real under Wine: which PowerShell
; command line they build from the installer's options, and which exit code the installer ends with.
; makensis -DRK_NSH=<path to installer.nsh> -DRK_OUT=<installer to write> stub.nsi
Unicode true
Target amd64-unicode
!include "LogicLib.nsh"
!define APP_EXECUTABLE_FILENAME "WachtwoordVergeten.exe"
!macro _isUpdated _a _b _t _f
  StrCmp "" "updated" `${_t}` `${_f}`
!macroend
!define isUpdated `"" isUpdated ""`
!include "${RK_NSH}"
Name "installer.nsh test"
OutFile "${RK_OUT}"
RequestExecutionLevel admin
Section
  SetOutPath "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  !insertmacro customInstall
SectionEnd
Section "Uninstall"
  !insertmacro customUnInstall
SectionEnd
