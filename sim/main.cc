#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <systemc>

#include "sim/cli/commands.h"
#include "sim/config/diagnostics.h"
#include "sim/version.h"

namespace {

using namespace invalsim::cli;

const char* kUsage = R"(usage: invalsim [COMMAND] [OPTIONS]

Cycle-approximate simulator of cache-incoherent memory hierarchies.

commands:
  run      build a system from a config, run a scenario, write statistics
  validate run a scenario checking coherence against a golden memory model
  sweep    run a scenario over a parameter space, one process per point
  check    validate a config (and scenario) and print the resolved topology
  schema   print every config key with its type, default and meaning

With no command, runs the built-in default config and scenario.
`invalsim COMMAND --help` describes each command's options.

exit status: 0 success, 1 a scenario expectation failed, 2 bad usage or
input, 3 internal error.)";

// SystemC prints its banner from its own main() before sc_main runs; a
// static initialiser is the only place early enough to turn it off.
const bool kQuietBanner = setenv("SYSTEMC_DISABLE_COPYRIGHT_MESSAGE", "1", 1) == 0;

int dispatch(const std::vector<std::string>& argv) {
    if (argv.empty()) return run_command({});
    const std::string& cmd = argv[0];
    const std::vector<std::string> rest(argv.begin() + 1, argv.end());
    if (cmd == "--help" || cmd == "-h" || cmd == "help") {
        std::cout << kUsage << "\n";
        return kExitOk;
    }
    if (cmd == "--version" || cmd == "-V") {
        std::cout << "invalsim " << invalsim::kVersion << " (SystemC " << sc_core::sc_release()
                  << ")\n";
        return kExitOk;
    }
    if (cmd == "run") return run_command(rest);
    if (cmd == "check") return check_command(rest);
    if (cmd == "validate") return validate_command(rest);
    if (cmd == "sweep") return sweep_command(rest);
    if (cmd == "schema") return schema_command(rest);
    if (!cmd.empty() && cmd[0] == '-') return run_command(argv);  // `invalsim --scenario X`
    std::cerr << "invalsim: unknown command \"" << cmd << "\"\n" << kUsage << "\n";
    return kExitBadInput;
}

}  // namespace

int sc_main(int argc, char* argv[]) {
    (void)kQuietBanner;
    const std::vector<std::string> args(argv + 1, argv + argc);
    try {
        return dispatch(args);
    } catch (const invalsim::config::InputError& e) {
        for (const auto& d : e.diagnostics()) {
            std::cerr << "invalsim: error: " << invalsim::config::to_string(d) << "\n";
        }
        return kExitBadInput;
    } catch (const boost::program_options::error& e) {
        std::cerr << "invalsim: error: " << e.what() << " (see --help)\n";
        return kExitBadInput;
    } catch (const sc_core::sc_report& e) {
        std::cerr << "invalsim: simulation error: " << e.what() << "\n";
        return kExitInternal;
    } catch (const std::exception& e) {
        std::cerr << "invalsim: internal error: " << e.what() << "\n";
        return kExitInternal;
    }
}
