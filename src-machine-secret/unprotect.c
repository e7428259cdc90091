/* read-machine-secret.exe: local mode's AD service password for the kiosk (src-main/electron/secret.ts).
 * install.ps1 (resources/windows/directory-secret.ps1) protects it with DPAPI machine scope
 * (CRYPTPROTECT_LOCAL_MACHINE) into C:\ProgramData\Wachtwoord vergeten\directory-password.bin, readable by the kiosk
 * account only, so that no change of the kiosk account's own password loses it. Node has no DPAPI binding and
 * Electron's safeStorage is user scope only: this program is the one call, CryptUnprotectData
 * (learn.microsoft.com/windows/win32/api/dpapi/nf-dpapi-cryptunprotectdata), with the installer's entropy.
 * stdin: the protected blob (at most 64 KiB); stdout: the plain bytes; exit 0, or 2 bad input, 3 DPAPI refused.
 * Nothing is printed but the secret, and its buffer is zeroed before it is freed. */
#include <windows.h>
#include <wincrypt.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>

static const char ENTROPY[] = "WachtwoordVergeten.DirectoryPassword.v1"; /* directory-secret.ps1's $DpapiSource */

int main(void) {
  static BYTE input[65536];
  size_t n;
  DATA_BLOB in, entropy, out;
  int ok;
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
  n = fread(input, 1, sizeof input, stdin);
  if (n == 0 || !feof(stdin)) return 2;
  in.cbData = (DWORD)n;
  in.pbData = input;
  entropy.cbData = (DWORD)(sizeof ENTROPY - 1);
  entropy.pbData = (BYTE *)ENTROPY;
  out.cbData = 0;
  out.pbData = NULL;
  if (!CryptUnprotectData(&in, NULL, &entropy, NULL, NULL, CRYPTPROTECT_UI_FORBIDDEN, &out)) return 3;
  ok = fwrite(out.pbData, 1, out.cbData, stdout) == out.cbData && fflush(stdout) == 0;
  SecureZeroMemory(out.pbData, out.cbData);
  LocalFree(out.pbData);
  return ok ? 0 : 3;
}
