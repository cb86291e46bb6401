#include "kc/forms/ExpressionParser.hpp"

#include "kc/forms/Functions.hpp"
#include "kc/forms/RegexMatch.hpp"
#include "kc/forms/Value.hpp"


#include <cctype>

namespace kc::forms {
namespace {

bool isNameStart(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool isNameChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
}

struct Token {
    enum class Kind { End, Number, String, FieldRef, Dot, Name, LParen, RParen, Comma, Op };
    Kind kind = Kind::End;
    std::string text;
    std::size_t position = 0;
};

class ParseFailure {
public:
    std::size_t position;
    std::string message;
};

std::string describe(const Token& token) {
    switch (token.kind) {
    case Token::Kind::End: return "end of expression";
    case Token::Kind::String: return "the text '" + token.text + "'";
    case Token::Kind::FieldRef: return "${" + token.text + "}";
    default: return "'" + token.text + "'";
    }
}

class Lexer {
public:
    explicit Lexer(std::string_view text) : m_text(text) {}

    Token next() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
        Token token;
        token.position = m_pos;
        if (m_pos >= m_text.size())
            return token;
        const char c = m_text[m_pos];
        if (c == '$') {
            if (m_pos + 1 >= m_text.size() || m_text[m_pos + 1] != '{')
                fail("'$' must start a field reference like ${name}");
            std::size_t end = m_text.find('}', m_pos + 2);
            if (end == std::string_view::npos)
                fail("the field reference is not closed with '}'");
            std::string_view name = m_text.substr(m_pos + 2, end - m_pos - 2);
            if (name.empty() || !isNameStart(name.front()))
                fail("'${" + std::string(name) + "}' is not a field name");
            for (char n : name)
                if (!isNameChar(n))
                    fail("'${" + std::string(name) + "}' is not a field name");
            token.kind = Token::Kind::FieldRef;
            token.text = std::string(name);
            m_pos = end + 1;
            return token;
        }
        if (c == '\'' || c == '"') {
            std::size_t end = m_text.find(c, m_pos + 1);
            if (end == std::string_view::npos)
                fail(std::string("the text starting here is not closed with ") + c);
            token.kind = Token::Kind::String;
            token.text = std::string(m_text.substr(m_pos + 1, end - m_pos - 1));
            m_pos = end + 1;
            return token;
        }
        if (std::isdigit(static_cast<unsigned char>(c)) ||
            (c == '.' && m_pos + 1 < m_text.size() &&
             std::isdigit(static_cast<unsigned char>(m_text[m_pos + 1])))) {
            std::size_t end = m_pos;
            while (end < m_text.size() &&
                   (std::isdigit(static_cast<unsigned char>(m_text[end])) || m_text[end] == '.'))
                ++end;
            token.kind = Token::Kind::Number;
            token.text = std::string(m_text.substr(m_pos, end - m_pos));
            m_pos = end;
            return token;
        }
        if (isNameStart(c)) {
            std::size_t end = m_pos;
            while (end < m_text.size() && isNameChar(m_text[end]))
                ++end;
            token.kind = Token::Kind::Name;
            token.text = std::string(m_text.substr(m_pos, end - m_pos));
            m_pos = end;
            return token;
        }
        ++m_pos;
        switch (c) {
        case '.': token.kind = Token::Kind::Dot; token.text = "."; return token;
        case '(': token.kind = Token::Kind::LParen; token.text = "("; return token;
        case ')': token.kind = Token::Kind::RParen; token.text = ")"; return token;
        case ',': token.kind = Token::Kind::Comma; token.text = ","; return token;
        case '+': case '-': case '*': case '=':
            token.kind = Token::Kind::Op;
            token.text = std::string(1, c);
            return token;
        case '!': case '<': case '>':
            token.kind = Token::Kind::Op;
            token.text = std::string(1, c);
            if (m_pos < m_text.size() && m_text[m_pos] == '=') {
                token.text += '=';
                ++m_pos;
            } else if (c == '!') {
                fail("'!' must be followed by '=' (use not() to negate)");
            }
            return token;
        default: break;
        }
        m_pos = token.position;
        fail(std::string("unexpected character '") + c + "'");
    }

    [[noreturn]] void fail(std::string message) const {
        throw ParseFailure{m_pos, std::move(message)};
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

class Parser {
public:
    Parser(std::string_view text, ParseOptions options) : m_lexer(text), m_options(options) {
        advance();
    }

    ExprNode parseAll() {
        ExprNode root = parseOr();
        if (m_token.kind != Token::Kind::End)
            fail(m_token, "unexpected " + describe(m_token) + " after a complete expression");
        return root;
    }

private:
    void advance() { m_token = m_lexer.next(); }

    [[noreturn]] void fail(const Token& at, std::string message) const {
        throw ParseFailure{at.position, std::move(message)};
    }

    bool isOp(std::string_view op) const {
        return m_token.kind == Token::Kind::Op && m_token.text == op;
    }

    ExprNode binary(ExprNode::Kind kind, ExprNode left, ExprNode right, std::size_t position) {
        ExprNode node;
        node.kind = kind;
        node.position = position;
        node.args.push_back(std::move(left));
        node.args.push_back(std::move(right));
        return node;
    }

    struct DepthGuard {
        explicit DepthGuard(Parser& p) : parser(p) {
            if (++parser.m_depth > kMaxExpressionDepth)
                parser.fail(parser.m_token, "the expression is nested too deeply");
        }
        ~DepthGuard() { --parser.m_depth; }
        Parser& parser;
    };

    struct BinaryOperator {
        Token::Kind token; //!< Op for symbols, Name for words (and, or, div, mod)
        std::string_view text;
        ExprNode::Kind kind;
    };
    //! XPath's binary operators from the loosest to the tightest binding; all left-associative.
    static constexpr int kLevels = 5;
    static const std::vector<BinaryOperator>& operatorsAt(int level) {
        using K = ExprNode::Kind;
        using T = Token::Kind;
        static const std::vector<BinaryOperator> levels[kLevels] = {
            {{T::Name, "or", K::Or}},
            {{T::Name, "and", K::And}},
            {{T::Op, "=", K::Equal}, {T::Op, "!=", K::NotEqual}},
            {{T::Op, "<", K::Less}, {T::Op, "<=", K::LessEqual}, {T::Op, ">", K::Greater},
             {T::Op, ">=", K::GreaterEqual}},
            {{T::Op, "+", K::Add}, {T::Op, "-", K::Subtract}},
        };
        static const std::vector<BinaryOperator> multiplicative = {
            {T::Op, "*", K::Multiply}, {T::Name, "div", K::Divide}, {T::Name, "mod", K::Modulo}};
        return level < kLevels ? levels[level] : multiplicative;
    }

    const BinaryOperator* matchOperator(int level) const {
        for (const auto& op : operatorsAt(level))
            if (m_token.kind == op.token && m_token.text == op.text)
                return &op;
        return nullptr;
    }

    ExprNode parseOr() {
        DepthGuard guard(*this);
        return parseLevel(0);
    }

    ExprNode parseLevel(int level) {
        const auto operand = [&] { return level < kLevels ? parseLevel(level + 1) : parseUnary(); };
        ExprNode left = operand();
        while (const BinaryOperator* op = matchOperator(level)) {
            const std::size_t at = m_token.position;
            advance();
            left = binary(op->kind, std::move(left), operand(), at);
        }
        return left;
    }

    ExprNode parseUnary() {
        DepthGuard guard(*this);
        if (isOp("-")) {
            ExprNode node;
            node.kind = ExprNode::Kind::Negate;
            node.position = m_token.position;
            advance();
            node.args.push_back(parseUnary());
            return node;
        }
        return parsePrimary();
    }

    ExprNode parsePrimary() {
        ExprNode node;
        node.position = m_token.position;
        switch (m_token.kind) {
        case Token::Kind::Number:
            node.kind = ExprNode::Kind::Number;
            node.number = parseNumber(m_token.text);
            if (node.number != node.number)
                fail(m_token, "'" + m_token.text + "' is not a number");
            advance();
            return node;
        case Token::Kind::String:
            node.kind = ExprNode::Kind::String;
            node.text = m_token.text;
            advance();
            return node;
        case Token::Kind::FieldRef:
            node.kind = ExprNode::Kind::FieldRef;
            node.text = m_token.text;
            advance();
            return node;
        case Token::Kind::Dot:
            node.kind = ExprNode::Kind::Self;
            advance();
            return node;
        case Token::Kind::LParen: {
            advance();
            node = parseOr();
            if (m_token.kind != Token::Kind::RParen)
                fail(m_token, "expected ')', found " + describe(m_token));
            advance();
            return node;
        }
        case Token::Kind::Name: return parseNameOrCall();
        default: break;
        }
        fail(m_token, "expected a value, found " + describe(m_token));
    }

    ExprNode parseNameOrCall() {
        const Token nameToken = m_token;
        advance();
        ExprNode node;
        node.position = nameToken.position;
        if (m_token.kind != Token::Kind::LParen) {
            if (!m_options.allowChoiceColumns)
                fail(nameToken, "unknown name '" + nameToken.text +
                                    "': refer to a field as ${" + nameToken.text + "}");
            node.kind = ExprNode::Kind::ChoiceColumn;
            node.text = nameToken.text;
            return node;
        }
        const auto info = findFunction(nameToken.text);
        if (!info)
            fail(nameToken, "unknown function " + nameToken.text + "()");
        advance();
        node.kind = ExprNode::Kind::Call;
        node.function = info->function;
        node.text = nameToken.text;
        if (m_token.kind != Token::Kind::RParen) {
            for (;;) {
                node.args.push_back(parseOr());
                if (m_token.kind != Token::Kind::Comma)
                    break;
                advance();
            }
        }
        if (m_token.kind != Token::Kind::RParen)
            fail(m_token, "expected ')' after the arguments of " + nameToken.text +
                              "(), found " + describe(m_token));
        advance();
        const int count = static_cast<int>(node.args.size());
        if (count < info->minArgs || (info->maxArgs >= 0 && count > info->maxArgs)) {
            std::string expected = info->minArgs == info->maxArgs
                                       ? std::to_string(info->minArgs)
                                   : info->maxArgs < 0
                                       ? "at least " + std::to_string(info->minArgs)
                                       : std::to_string(info->minArgs) + " or " +
                                             std::to_string(info->maxArgs);
            fail(nameToken, nameToken.text + "() takes " + expected + " argument" +
                                (expected == "1" ? "" : "s") + ", got " +
                                std::to_string(count));
        }
        if (node.function == Function::Regex && node.args[1].kind == ExprNode::Kind::String) {
            auto compiled = compileRegex(node.args[1].text);
            if (!compiled)
                fail(nameToken, compiled.error().message);
            node.pattern = compiled.value();
        }
        return node;
    }

    Lexer m_lexer;
    ParseOptions m_options;
    Token m_token;
    int m_depth = 0;
};

} // namespace

Result<Expression> parseExpression(std::string_view text, ParseOptions options) {
    if (text.size() > kMaxExpressionLength)
        return Error{"the expression is longer than " + std::to_string(kMaxExpressionLength) +
                     " characters"};
    try {
        Parser parser(text, options);
        Expression expression;
        expression.root = parser.parseAll();
        expression.source = std::string(text);
        return expression;
    } catch (const ParseFailure& failure) {
        return Error{"at character " + std::to_string(failure.position + 1) + ": " +
                     failure.message};
    }
}

} // namespace kc::forms
