/* Stands in for powershell.exe in the installer.nsh test: appends its command line to C:\fakeps\calls.txt and
   exits with the number in C:\fakeps\exitcode.txt. */
#include <windows.h>
#include <stdio.h>
int main(void) {
  FILE *f = _wfopen(L"C:\\fakeps\\calls.txt", L"a, ccs=UTF-8");
  if (f) { fwprintf(f, L"%ls\n", GetCommandLineW()); fclose(f); }
  int code = 99;
  FILE *c = fopen("C:\\fakeps\\exitcode.txt", "r");
  if (c) { if (fscanf(c, "%d", &code) != 1) code = 98; fclose(c); }
  return code;
}
