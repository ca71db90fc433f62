#include "cli/options.h"

namespace segdash::cli {

std::optional<int> parseOptions(const std::string &command, const std::string &synopsis, const Args &args,
                                po::options_description &options, po::variables_map &vm,
                                const po::positional_options_description *positional) {
    options.add_options()("help,h", "show this help");
    try {
        po::command_line_parser parser(args);
        parser.options(options);
        if (positional) parser.positional(*positional);
        po::store(parser.run(), vm);
        if (vm.count("help")) {
            std::cout << "Usage: segdash " << command << " " << synopsis << "\n\n" << options << "\n";
            return kExitOk;
        }
        po::notify(vm);
    } catch (const po::error &e) {
        std::cerr << "segdash " << command << ": " << e.what() << "\n"
                  << "Try 'segdash " << command << " --help'.\n";
        return kExitUsage;
    }
    return std::nullopt;
}

} // namespace segdash::cli
