#include "sim/config/diagnostics.h"

#include <algorithm>

namespace invalsim::config {

std::string to_string(const Diagnostic& d) {
    // A command-line option ("--out") as the source has no document to point into.
    const bool option = d.file.rfind("--", 0) == 0;
    std::string s = d.file + ": ";
    if (!d.pointer.empty()) {
        s += d.pointer + ": ";
    } else if (!option) {
        s += "/: ";
    }
    s += d.message;
    if (!d.origin.empty()) s += " (value from " + d.origin + ")";
    return s;
}

namespace {
std::string join(const std::vector<Diagnostic>& ds) {
    std::string s;
    for (const auto& d : ds) s += (s.empty() ? "" : "\n") + to_string(d);
    return s;
}
}  // namespace

InputError::InputError(std::vector<Diagnostic> diagnostics)
    : std::runtime_error(join(diagnostics)), m_diagnostics(std::move(diagnostics)) {}

void Diagnostics::error(const std::string& pointer, const std::string& message) {
    std::string origin;
    // The value may have been set at the pointer or at one of its parents.
    for (std::string p = pointer;; p = p.substr(0, p.rfind('/'))) {
        auto it = m_origins.find(p);
        if (it != m_origins.end()) {
            origin = it->second;
            break;
        }
        if (p.empty()) break;
    }
    m_list.push_back({m_file, pointer, message, origin});
}

void Diagnostics::note_origin(const std::string& pointer, const std::string& origin) {
    m_origins[pointer] = origin;
}

void Diagnostics::throw_if_any() const {
    if (!m_list.empty()) throw InputError(m_list);
}

std::string child_pointer(const std::string& parent, const std::string& key) {
    std::string escaped;
    for (char c : key) {
        if (c == '~') {
            escaped += "~0";
        } else if (c == '/') {
            escaped += "~1";
        } else {
            escaped += c;
        }
    }
    return parent + "/" + escaped;
}

std::string child_pointer(const std::string& parent, std::size_t index) {
    return parent + "/" + std::to_string(index);
}

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string closest(const std::string& word, const std::vector<std::string>& candidates) {
    // A key typed without its unit suffix ("hit_latency") is a common slip.
    for (const auto& c : candidates) {
        if (word.size() >= 3 && c.rfind(word, 0) == 0) return c;
    }
    std::string best;
    std::size_t best_d = ~std::size_t{0};
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(word, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    // A typo changes a few characters; beyond that a suggestion misleads.
    const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
    return best_d <= limit ? best : std::string();
}

}  // namespace invalsim::config
