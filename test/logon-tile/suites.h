// The test program's suites; each reports named checks through check() (harness.h).
#pragma once

#include "harness.h"

namespace t {

void lifecycleSuite(const Dll& dll);      // lifecycle_test.cpp
void scenarioSuite(const Dll& dll);
void referenceSuite(const Dll& dll);
void fieldSuite(const Dll& dll, bool real);          // fields_test.cpp
void notReadySuite(const Dll& dll);
void successSuite(const Dll& dll);        // the test-only DLL with the fake secret source
void failedLogonSuite(const Dll& dll);
void lockdownSuite(const Dll& dll);       // lockdown_test.cpp: the test-only DLL's fake system port
void realFolderSuite(const Dll& dll);     // the shipped DLL's own folder check under Wine
void pureChecksSuite();
void realChainSuite(const Dll& dll);      // real_chain_test.cpp: tile-real-lockdown.dll, the real lock-down reads                   // pure_checks_test.cpp: the pure checks linked into the test program

}  // namespace t
