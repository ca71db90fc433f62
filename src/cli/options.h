#pragma once
// Shared Boost.Program_options plumbing for the commands: parse, print --help,
// turn parse errors into "usage" exit codes with one clear line.
#include <boost/program_options.hpp>
#include <iostream>
#include <optional>
#include <string>

#include "cli/cli.h"

namespace segdash::cli {

namespace po = boost::program_options;

// Parses `args` against `options` (+ positional). Adds --help. Returns the exit code to
// return immediately (help printed or usage error), or nullopt to go on.
std::optional<int> parseOptions(const std::string &command, const std::string &synopsis, const Args &args,
                                po::options_description &options, po::variables_map &vm,
                                const po::positional_options_description *positional = nullptr);

} // namespace segdash::cli
