// tile-test.exe <dll> real|fake — walks a credential provider DLL the way LogonUI does, under Wine.
// "real": the shipped DLL (its own folder check refuses the user-owned build folder). "fake": the test-only
// DLL with the fake system port (success path, and every refusal). Both: the pure checks. "lockdown": the test-only
// DLL with the real lock-down reads (windows_system.cpp) and the fake secret and folder facts. Prints one line per check; the exit code is the number of failed checks.
#include <cstdio>
#include <cwchar>

#include "harness.h"
#include "suites.h"

int wmain(int argc, wchar_t** argv) {
  if (argc != 3 || (std::wcscmp(argv[2], L"real") != 0 && std::wcscmp(argv[2], L"fake") != 0 && std::wcscmp(argv[2], L"lockdown") != 0)) {
    std::fprintf(stderr, "usage: tile-test.exe <dll> real|fake|lockdown\n");
    return 100;
  }
  if (std::wcscmp(argv[2], L"lockdown") == 0) {  // tile-real-lockdown.dll: only the real lock-down reads
    CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED);
    t::Dll dll;
    t::check(t::loadDll(argv[1], dll), "LoadLibrary and the two exports");
    if (!dll.module) return 101;
    t::realChainSuite(dll);
    t::check(dll.canUnloadNow() == S_OK, "DllCanUnloadNow is S_OK at the end (no object leaked)");
    FreeLibrary(dll.module);
    CoUninitialize();
    std::printf("%d failed\n", t::failures());
    return t::failures();
  }
  CoInitializeEx(nullptr, COINIT_APARTMENTTHREADED);  // LogonUI's threads are single-threaded apartments
  t::Dll dll;
  t::check(t::loadDll(argv[1], dll), "LoadLibrary and the two exports");
  if (!dll.module) return 101;
  const bool real = std::wcscmp(argv[2], L"real") == 0;
  t::lifecycleSuite(dll);
  t::scenarioSuite(dll);
  t::referenceSuite(dll);
  t::fieldSuite(dll, real);
  t::notReadySuite(dll);
  if (real) {
    t::realFolderSuite(dll);
  } else {
    t::successSuite(dll);
    t::lockdownSuite(dll);
  }
  t::failedLogonSuite(dll);
  t::pureChecksSuite();
  t::clearProductKey();
  t::check(dll.canUnloadNow() == S_OK, "DllCanUnloadNow is S_OK at the end (no object leaked)");
  FreeLibrary(dll.module);
  CoUninitialize();
  std::printf("%d failed\n", t::failures());
  return t::failures();
}
