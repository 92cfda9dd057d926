#pragma once

#include <string>
#include <vector>

namespace invalsim::cli {

// Exit statuses of the CLI.
enum ExitStatus : int {
    kExitOk = 0,
    kExitExpectFailed = 1,  // the simulation ran but a scenario expectation failed
    kExitBadInput = 2,      // bad usage, or a config/scenario that does not validate
    kExitInternal = 3,      // the simulator itself failed (a bug)
};

// Each takes the arguments after the subcommand name.
int run_command(const std::vector<std::string>& args);
int check_command(const std::vector<std::string>& args);
int validate_command(const std::vector<std::string>& args);
int sweep_command(const std::vector<std::string>& args);
int schema_command(const std::vector<std::string>& args);

}  // namespace invalsim::cli
