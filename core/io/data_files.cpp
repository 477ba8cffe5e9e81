#include "io/data_files.h"

#include "io/new_project.h"

#include <map>
#include <system_error>

namespace nnp {

std::array<std::string *, 6> dataPathFields(Project &p)
{
    return {&p.data.path,   &p.data.csv.testPath, &p.data.images,
            &p.data.labels, &p.data.testImages,   &p.data.testLabels};
}

namespace {

bool inside(const std::filesystem::path &file, const std::filesystem::path &folder)
{
    const auto rel = file.lexically_relative(folder);
    return !rel.empty() && *rel.begin() != "..";
}

} // namespace

std::filesystem::path saveWithData(const Project &project, const std::filesystem::path &fromDir,
                                   const std::filesystem::path &folder, const std::string &fileName)
{
    namespace fs = std::filesystem;
    const fs::path from = fs::absolute(fromDir).lexically_normal();
    const fs::path to = fs::absolute(folder).lexically_normal();
    const fs::path target = to / fileName;
    std::error_code ec;
    fs::create_directories(to / "data", ec);
    if (ec)
        throw ProjectError(target.string(), "", "cannot create the folder " + (to / "data").string() + ".");
    Project p = project;
    std::map<fs::path, fs::path> copied; // source -> its copy
    for (std::string *s : dataPathFields(p)) {
        if (s->empty()) continue;
        const fs::path source = (fs::path(*s).is_absolute() ? fs::path(*s) : from / *s).lexically_normal();
        if (!fs::is_regular_file(source))
            throw ProjectError(target.string(), "", "the data file " + source.string() + " does not exist.");
        fs::path copy = source;
        if (const auto it = copied.find(source); it != copied.end())
            copy = it->second;
        else if (!inside(source, to)) {
            // Named as it was; a name another file of this project took gets a number. A copy left by an
            // earlier save is replaced.
            const auto taken = [&copied](const fs::path &f) {
                for (const auto &entry : copied)
                    if (entry.second == f) return true;
                return false;
            };
            copy = to / "data" / source.filename();
            for (int n = 2; taken(copy); ++n)
                copy = to / "data" /
                       (source.stem().string() + "_" + std::to_string(n) + source.extension().string());
            fs::copy_file(source, copy, fs::copy_options::overwrite_existing, ec);
            if (ec)
                throw ProjectError(target.string(), "",
                                   "cannot copy " + source.string() + " to " + copy.string() + " (" +
                                       ec.message() + ").");
            copied.emplace(source, copy);
        }
        *s = storedDataPath(copy, to);
    }
    saveProject(p, target);
    return target;
}

} // namespace nnp
