#include "sim/config/json_parser.h"

#include <optional>
#include <utility>
#include <vector>

#include "sim/config/diagnostics.h"

namespace invalsim::config {

namespace {

// Builds the document from the parser's events, keeping the JSON pointer of
// every open object and array so a repeated key can be located.
class DocumentBuilder : public nlohmann::json_sax<Json> {
public:
    explicit DocumentBuilder(std::string name) : m_name(std::move(name)) {}

    Json take() { return std::move(m_root); }
    const std::optional<Diagnostic>& failure() const { return m_failure; }

    bool null() override { return put(Json(nullptr)); }
    bool boolean(bool v) override { return put(Json(v)); }
    bool number_integer(number_integer_t v) override { return put(Json(v)); }
    bool number_unsigned(number_unsigned_t v) override { return put(Json(v)); }
    bool number_float(number_float_t v, const string_t&) override { return put(Json(v)); }
    bool string(string_t& v) override { return put(Json(std::move(v))); }
    bool binary(binary_t& v) override { return put(Json::binary(std::move(v))); }

    bool start_object(std::size_t) override { return open(Json::object()); }
    bool start_array(std::size_t) override { return open(Json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& k) override {
        Open& o = m_open.back();
        if (o.node->contains(k)) {
            m_failure = Diagnostic{m_name, child_pointer(o.pointer, k),
                                   "duplicate key \"" + k + "\": a key may appear only once in an object", ""};
            return false;
        }
        m_key = k;
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        std::string msg = e.what();
        // Drop nlohmann's "[json.exception.parse_error.101] " tag.
        if (auto p = msg.find("] "); p != std::string::npos) msg = msg.substr(p + 2);
        m_failure = Diagnostic{m_name, "", "invalid JSON: " + msg, ""};
        return false;
    }

private:
    struct Open {
        Json* node;
        std::string pointer;
    };

    // Where the next value goes: the root, the next array element, or the
    // object's member under the last key.
    std::pair<Json*, std::string> slot() {
        if (m_open.empty()) return {&m_root, ""};
        Open& o = m_open.back();
        if (o.node->is_array()) {
            o.node->push_back(nullptr);
            return {&o.node->back(), child_pointer(o.pointer, o.node->size() - 1)};
        }
        return {&(*o.node)[m_key], child_pointer(o.pointer, m_key)};
    }
    bool put(Json v) {
        *slot().first = std::move(v);
        return true;
    }
    bool open(Json empty) {
        auto [node, pointer] = slot();
        *node = std::move(empty);
        // Only the innermost open container grows, so pointers to the outer
        // ones stay valid while they are open.
        m_open.push_back({node, std::move(pointer)});
        return true;
    }
    bool close() {
        m_open.pop_back();
        return true;
    }

    std::string m_name;
    Json m_root;
    std::vector<Open> m_open;
    std::string m_key;
    std::optional<Diagnostic> m_failure;
};

}  // namespace

Json parse_json_text(const std::string& text, const std::string& name) {
    DocumentBuilder builder(name);
    const bool ok = Json::sax_parse(text, &builder, Json::input_format_t::json, /*strict=*/true,
                                    /*ignore_comments=*/true);
    if (!ok) {
        throw InputError({builder.failure().value_or(Diagnostic{name, "", "invalid JSON", ""})});
    }
    return builder.take();
}

}  // namespace invalsim::config
