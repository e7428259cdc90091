/* Test only (never shipped): what directory-secret.ps1 does with ProtectedData.Protect(LocalMachine), as a
 * program, so the reader can be tried under Wine. stdin: plain bytes; stdout: the blob. argv[1] = other entropy. */
#include <windows.h>
#include <wincrypt.h>
#include <fcntl.h>
#include <io.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  static BYTE input[4096];
  const char *ent = argc > 1 ? argv[1] : "WachtwoordVergeten.DirectoryPassword.v1";
  DATA_BLOB in, entropy, out;
  size_t n;
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
  n = fread(input, 1, sizeof input, stdin);
  in.cbData = (DWORD)n; in.pbData = input;
  entropy.cbData = (DWORD)strlen(ent); entropy.pbData = (BYTE *)ent;
  if (!CryptProtectData(&in, L"", &entropy, NULL, NULL, CRYPTPROTECT_LOCAL_MACHINE | CRYPTPROTECT_UI_FORBIDDEN, &out)) return 3;
  fwrite(out.pbData, 1, out.cbData, stdout);
  LocalFree(out.pbData);
  return 0;
}
