; Custom macros for electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; The per-machine installer runs elevated; it calls the PowerShell scripts that electron-builder copied
; to $INSTDIR\resources\windows (extraResources). The installer is a 32-bit process: the 64-bit
; PowerShell is reached through Sysnative, because DISM (Enable-WindowsOptionalFeature) and the
; embedded-lockdown WMI classes refuse a 32-bit host on 64-bit Windows.

!macro rkPowerShell SCRIPT ARGS
  ${If} ${FileExists} "$WINDIR\Sysnative\WindowsPowerShell\v1.0\powershell.exe"
    StrCpy $R9 "$WINDIR\Sysnative\WindowsPowerShell\v1.0\powershell.exe"
  ${Else}
    StrCpy $R9 "$SYSDIR\WindowsPowerShell\v1.0\powershell.exe"
  ${EndIf}
  nsExec::ExecToLog '"$R9" -NoProfile -NonInteractive -ExecutionPolicy Bypass -File "$INSTDIR\resources\windows\${SCRIPT}" ${ARGS}'
  Pop $R8
!macroend

!macro customInstall
  DetailPrint "Wachtwoord vergeten: kioskaccount en aanmeldscherm instellen"
  !insertmacro rkPowerShell "install.ps1" '-AppExe "$INSTDIR\${APP_EXECUTABLE_FILENAME}"'
  ${If} $R8 == "3010"
    MessageBox MB_ICONINFORMATION|MB_OK "Herstart de computer: Windows-onderdelen zijn ingeschakeld. De installatie wordt na de herstart vanzelf afgerond." /SD IDOK
    SetRebootFlag true
  ${ElseIf} $R8 != "0"
    MessageBox MB_ICONEXCLAMATION|MB_OK "De kiosk is geinstalleerd, maar het instellen van het aanmeldscherm is mislukt (code $R8). Zie het installatielogboek en docs/windows-kiosk.md; voer install.ps1 opnieuw uit als beheerder." /SD IDOK
    SetErrorLevel 1
  ${EndIf}
!macroend

!macro customUnInstall
  ; An update runs the old uninstaller first: keep the account, shell and settings then.
  ${IfNot} ${isUpdated}
    DetailPrint "Wachtwoord vergeten: kioskaccount en aanmeldscherm verwijderen"
    !insertmacro rkPowerShell "uninstall.ps1" ""
    ${If} $R8 != "0"
      MessageBox MB_ICONEXCLAMATION|MB_OK "Niet alles kon worden teruggedraaid (code $R8). Voer uninstall.ps1 uit als beheerder voordat u de map verwijdert." /SD IDOK
      SetErrorLevel 1
    ${EndIf}
  ${EndIf}
!macroend
