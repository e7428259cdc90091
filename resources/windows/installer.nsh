; Custom macros for electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The per-machine installer runs elevated and calls the PowerShell scripts electron-builder copied to
; $INSTDIR\resources\windows (extraResources). The installer is a 32-bit process: the 64-bit PowerShell is
; reached through Sysnative (DISM and the embedded-lockdown WMI classes refuse a 32-bit host on 64-bit Windows).
; Setup options on the installer's command line (silent: /S), passed on to install.ps1:
;   /CENTRALURL="https://reset.zorg.example" /CAFILE="C:\path\ca.pem"   central mode (the default)
;   /KIOSKCONFIG="C:\path\kiosk.json" /CAFILE="C:\path\ca.pem"      the administrator's kiosk.json, copied in (a
;                                                                  settings folder the installer did not create is
;                                                                  moved aside and never read)
;   /LOCALMODE /CONFIGFILE="C:\path\config.json" /DIRECTORYPASSWORDFILE="C:\path\ad.txt"
;                                                                  local mode (the AD password on this PC)
;   /KEYBOARDFILTER  /NOAPPLOCKER
; Quote every value: GetOptions (FileFunc.nsh) ends an unquoted value at the next "/", so an unquoted URL
; arrives as "https:" (which install.ps1 refuses).
; Exit codes: 0 done, 3010 restart needed (the setup finishes by itself after it), anything else: failed, the
; kiosk account stays disabled (fail closed) and the installer aborts with that code.
!include "FileFunc.nsh"

!macro rkPowerShell SCRIPT ARGS
  ${If} ${FileExists} "$WINDIR\Sysnative\WindowsPowerShell\v1.0\powershell.exe"
    StrCpy $R9 "$WINDIR\Sysnative\WindowsPowerShell\v1.0\powershell.exe"
  ${Else}
    StrCpy $R9 "$SYSDIR\WindowsPowerShell\v1.0\powershell.exe"
  ${EndIf}
  nsExec::ExecToLog '"$R9" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "${SCRIPT}" ${ARGS}'
  Pop $R8
!macroend

; $R7 = install.ps1's options from the installer's command line.
!macro rkSetupOptions
  StrCpy $R7 ""
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/CENTRALURL=" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -CentralUrl "$R1"'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/CAFILE=" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -CaFile "$R1"'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/CONFIGFILE=" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -ConfigFile "$R1"'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/KIOSKCONFIG=" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -KioskConfig "$R1"'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/DIRECTORYPASSWORDFILE=" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -DirectoryPasswordFile "$R1"'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/LOCALMODE" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -LocalMode'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/KEYBOARDFILTER" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -KeyboardFilter'
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/NOAPPLOCKER" $R1
  ${IfNot} ${Errors}
    StrCpy $R7 '$R7 -NoAppLocker'
  ${EndIf}
  ClearErrors
!macroend

!macro customInstall
  DetailPrint "Wachtwoord vergeten: kioskaccount en aanmeldscherm instellen"
  !insertmacro rkSetupOptions
  !insertmacro rkPowerShell "$INSTDIR\resources\windows\install.ps1" '-AppExe "$INSTDIR\${APP_EXECUTABLE_FILENAME}" -TileDll "$INSTDIR\resources\logon-tile\wachtwoord-vergeten-tile.dll"$R7'
  ${If} $R8 == "3010"
    DetailPrint "Herstart nodig: de installatie wordt na de herstart vanzelf afgerond (het kioskaccount blijft tot dan uit)."
    SetRebootFlag true
    SetErrorLevel 3010
  ${ElseIf} $R8 != "0"
    SetErrorLevel 1
    MessageBox MB_ICONSTOP|MB_OK "Het instellen van het aanmeldscherm is mislukt (code $R8). Het kioskaccount blijft uitgeschakeld. Zie het installatielogboek en docs/windows-kiosk.md, en voer install.ps1 opnieuw uit als beheerder." /SD IDOK
    Abort "install.ps1 failed ($R8)"
  ${EndIf}
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: keep the account, shell and settings then.
  ${IfNot} ${isUpdated}
    DetailPrint "Wachtwoord vergeten: aanmeldtegel, kioskaccount en vergrendeling verwijderen"
    ; -RemoveTileDll: the install folder goes next; a tile DLL LogonUI still holds is deleted at the restart (3010).
    !insertmacro rkPowerShell "$INSTDIR\resources\windows\uninstall.ps1" "-RemoveTileDll"
    ${If} $R8 == "3010"
      DetailPrint "Herstart nodig: de aanmeldtegel wordt bij de volgende herstart verwijderd."
      SetRebootFlag true
      SetErrorLevel 3010
    ${ElseIf} $R8 != "0"
      SetErrorLevel 1
      MessageBox MB_ICONSTOP|MB_OK "Niet alles kon worden teruggedraaid (code $R8); het kioskaccount blijft uitgeschakeld. Voer als beheerder uit: C:\ProgramData\Wachtwoord vergeten\setup\uninstall.ps1" /SD IDOK
      Abort "uninstall.ps1 failed ($R8)"
    ${EndIf}
  ${EndIf}
!macroend
