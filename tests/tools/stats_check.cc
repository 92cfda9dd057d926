// Asserts values in an invalsim JSON output file:
//   stats_check FILE [--ref NAME=FILE ...] 'system.cpu0.l1d.hits == 1' ...
// Operators: == != < <= > >=. The right-hand side is a JSON value, a path
// into the same file, or K*PATH, or a sum of numbers and such terms joined
// by " + " and " - " (spaces around the sign); a path may name another file
// as NAME:PATH. Numbers compare equal within a relative 1e-12 (sums of
// values printed in nanoseconds).
// Exits 1 and says which assertion failed.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

using Json = nlohmann::json;

namespace {

const Json* lookup(const Json& root, const std::string& path) {
    const Json* node = &root;
    std::size_t start = 0;
    while (true) {
        const auto dot = path.find('.', start);
        const std::string key = path.substr(start, dot - start);
        if (node->is_array()) {
            const std::size_t i = std::stoul(key);
            if (i >= node->size()) return nullptr;
            node = &(*node)[i];
        } else if (node->is_object() && node->contains(key)) {
            node = &(*node)[key];
        } else {
            return nullptr;
        }
        if (dot == std::string::npos) return node;
        start = dot + 1;
    }
}

bool compare(const Json& got, const std::string& op, const Json& want) {
    if (got.is_number() && want.is_number()) {
        const double a = got.get<double>(), b = want.get<double>();
        const bool same = std::fabs(a - b) <= 1e-12 * std::max({std::fabs(a), std::fabs(b), 1.0});
        if (op == "==") return same;
        if (op == "!=") return !same;
        if (op == "<") return a < b;
        if (op == "<=") return a <= b;
        if (op == ">") return a > b;
        if (op == ">=") return a >= b;
    }
    if (op == "==") return got == want;
    if (op == "!=") return got != want;
    return false;
}

std::map<std::string, Json> g_refs;

// A path, possibly NAME:path into a --ref file.
const Json* resolve(const Json& doc, const std::string& path) {
    const auto colon = path.find(':');
    if (colon == std::string::npos) return lookup(doc, path);
    auto it = g_refs.find(path.substr(0, colon));
    return it == g_refs.end() ? nullptr : lookup(it->second, path.substr(colon + 1));
}

// One term: a JSON literal, a path, or K*PATH.
bool term_value(const Json& doc, const std::string& rhs, Json& out) {
    out = Json::parse(rhs, nullptr, false);
    if (!out.is_discarded()) return true;
    double k = 1.0;
    std::string path = rhs;
    if (const auto star = rhs.find('*'); star != std::string::npos) {
        k = std::stod(rhs.substr(0, star));
        path = rhs.substr(star + 1);
    }
    const Json* v = resolve(doc, path);
    if (v == nullptr) return false;
    out = v->is_number() && k != 1.0 ? Json(k * v->get<double>()) : *v;
    return true;
}

// The right-hand side: terms joined by " + " or " - ".
bool rhs_value(const Json& doc, const std::string& rhs, Json& out) {
    std::size_t at = 0;
    double sum = 0.0, sign = 1.0;
    while (true) {
        const auto plus = rhs.find(" + ", at), minus = rhs.find(" - ", at);
        const auto end = std::min(plus, minus);
        if (end == std::string::npos && at == 0) return term_value(doc, rhs, out);
        Json v;
        if (!term_value(doc, rhs.substr(at, end - at), v) || !v.is_number()) return false;
        sum += sign * v.get<double>();
        if (end == std::string::npos) break;
        sign = end == plus ? 1.0 : -1.0;
        at = end + 3;
    }
    out = sum;
    return true;
}

bool check(const Json& doc, const std::string& expr) {
    static const char* ops[] = {"==", "!=", "<=", ">=", "<", ">"};
    for (const char* op : ops) {
        const auto p = expr.find(op);
        if (p == std::string::npos) continue;
        auto trim = [](std::string s) {
            s.erase(0, s.find_first_not_of(' '));
            s.erase(s.find_last_not_of(' ') + 1);
            return s;
        };
        const std::string path = trim(expr.substr(0, p));
        const std::string rhs = trim(expr.substr(p + std::string(op).size()));
        Json want;
        const Json* got = resolve(doc, path);
        if (got == nullptr) {
            std::cerr << "stats_check: no value at " << path << "\n";
            return false;
        }
        if (!rhs_value(doc, rhs, want)) {
            std::cerr << "stats_check: bad right-hand side in '" << expr << "'\n";
            return false;
        }
        if (!compare(*got, op, want)) {
            std::cerr << "stats_check: FAILED " << expr << " (got " << got->dump() << " vs "
                      << want.dump() << ")\n";
            return false;
        }
        return true;
    }
    std::cerr << "stats_check: no operator in '" << expr << "'\n";
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: stats_check FILE EXPR...\n";
        return 2;
    }
    std::ifstream in(argv[1]);
    const Json doc = Json::parse(in, nullptr, false);
    if (doc.is_discarded()) {
        std::cerr << "stats_check: cannot read JSON from " << argv[1] << "\n";
        return 2;
    }
    bool ok = true;
    for (int i = 2; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--ref" && i + 1 < argc) {
            const std::string ref = argv[++i];
            const auto eq = ref.find('=');
            std::ifstream rin(ref.substr(eq + 1));
            g_refs[ref.substr(0, eq)] = Json::parse(rin, nullptr, false);
            continue;
        }
        ok = check(doc, a) && ok;
    }
    return ok ? 0 : 1;
}
