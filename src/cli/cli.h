#pragma once
// `segdash <command> ...`: every command runs headless and returns an exit code:
// 0 done, 1 input rejected or the work failed, 2 usage error.
#include <string>
#include <vector>

namespace segdash::cli {

enum ExitCode { kExitOk = 0, kExitRejected = 1, kExitUsage = 2 };

using Args = std::vector<std::string>; // the command's own arguments (after its name)

struct Command {
    const char *name;
    const char *summary;
    int (*run)(const Args &args);
};

const std::vector<Command> &commands();
bool isCommand(const std::string &name);
// argv[1] must be a command name or --help/--version.
int runCli(int argc, char **argv);

} // namespace segdash::cli
