using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using WebPubSubStandIn.Connections;

namespace WebPubSubStandIn.Rest
{
    /// <summary>
    /// The subset of the OData connection filter the stand-in evaluates: <c>userId</c>/<c>connectionId</c> with
    /// <c>eq</c>/<c>ne</c> against a string or <c>null</c>, <c>userId in ('a','b')</c>, <c>'g' in groups</c>,
    /// <c>and</c>, <c>or</c>, <c>not</c>, parentheses. Anything else (functions, numbers, gt/lt...) is reported as
    /// unsupported. Strings compare ignoring case, groups by ordinal.
    /// </summary>
    public static class ConnectionFilter
    {
        public static bool TryParse(string? text, out Func<ClientConnection, bool> filter, out string? error)
        {
            filter = _ => true;
            error = null;
            if (string.IsNullOrWhiteSpace(text))
            {
                return true;
            }
            try
            {
                var parser = new Parser(Tokenize(text));
                filter = parser.ParseAll();
                return true;
            }
            catch (FormatException ex)
            {
                error = $"The filter '{text}' is not supported by the stand-in: {ex.Message} Supported: userId/connectionId eq|ne 'x' or null, " +
                    "userId|connectionId in ('a','b'), 'group' in groups, and, or, not, parentheses.";
                return false;
            }
        }

        private abstract record Token;

        private sealed record Word(string Text) : Token;

        private sealed record Literal(string Value) : Token;

        private sealed record Symbol(char Char) : Token;

        private static List<Token> Tokenize(string text)
        {
            var tokens = new List<Token>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c))
                {
                    i++;
                }
                else if (c == '(' || c == ')' || c == ',')
                {
                    tokens.Add(new Symbol(c));
                    i++;
                }
                else if (c == '\'')
                {
                    var value = new StringBuilder();
                    i++;
                    while (true)
                    {
                        if (i >= text.Length)
                        {
                            throw new FormatException("Unterminated string literal.");
                        }
                        if (text[i] == '\'')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '\'')
                            {
                                value.Append('\'');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        value.Append(text[i++]);
                    }
                    tokens.Add(new Literal(value.ToString()));
                }
                else if (char.IsLetterOrDigit(c) || c == '_')
                {
                    int start = i;
                    while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                    {
                        i++;
                    }
                    tokens.Add(new Word(text.Substring(start, i - start)));
                }
                else
                {
                    throw new FormatException($"Unexpected character '{c}'.");
                }
            }
            return tokens;
        }

        private sealed class Parser
        {
            private readonly List<Token> _tokens;
            private int _position;

            public Parser(List<Token> tokens) => _tokens = tokens;

            public Func<ClientConnection, bool> ParseAll()
            {
                var result = ParseOr();
                if (_position != _tokens.Count)
                {
                    throw new FormatException($"Unexpected '{Describe(_tokens[_position])}'.");
                }
                return result;
            }

            private Func<ClientConnection, bool> ParseOr()
            {
                var left = ParseAnd();
                while (IsWord("or"))
                {
                    _position++;
                    var l = left;
                    var r = ParseAnd();
                    left = c => l(c) || r(c);
                }
                return left;
            }

            private Func<ClientConnection, bool> ParseAnd()
            {
                var left = ParseUnary();
                while (IsWord("and"))
                {
                    _position++;
                    var l = left;
                    var r = ParseUnary();
                    left = c => l(c) && r(c);
                }
                return left;
            }

            private Func<ClientConnection, bool> ParseUnary()
            {
                if (IsWord("not"))
                {
                    _position++;
                    var inner = ParseUnary();
                    return c => !inner(c);
                }
                if (Peek() is Symbol { Char: '(' })
                {
                    _position++;
                    var inner = ParseOr();
                    Expect(')');
                    return inner;
                }
                return ParseComparison();
            }

            private Func<ClientConnection, bool> ParseComparison()
            {
                var left = Next();
                var op = Next() as Word ?? throw new FormatException("Expected an operator (eq, ne, in).");
                switch (op.Text.ToLowerInvariant())
                {
                    case "eq":
                    case "ne":
                        var getLeft = Operand(left);
                        var getRight = Operand(Next());
                        bool equal = op.Text.Equals("eq", StringComparison.OrdinalIgnoreCase);
                        return c => string.Equals(getLeft(c), getRight(c), StringComparison.OrdinalIgnoreCase) == equal;
                    case "in":
                        if (left is Literal group && IsWord("groups"))
                        {
                            _position++;
                            return c => c.InGroup(group.Value);
                        }
                        var getValue = Operand(left);
                        var values = ParseList();
                        return c => values.Contains(getValue(c) ?? "\0", StringComparer.OrdinalIgnoreCase);
                    default:
                        throw new FormatException($"The operator '{op.Text}' is not supported.");
                }
            }

            private List<string> ParseList()
            {
                Expect('(');
                var values = new List<string>();
                while (true)
                {
                    values.Add(Next() is Literal literal ? literal.Value : throw new FormatException("A list holds string literals only."));
                    if (Peek() is Symbol { Char: ',' })
                    {
                        _position++;
                        continue;
                    }
                    Expect(')');
                    return values;
                }
            }

            private static Func<ClientConnection, string?> Operand(Token token)
            {
                switch (token)
                {
                    case Literal literal:
                        return _ => literal.Value;
                    case Word word when word.Text.Equals("userId", StringComparison.OrdinalIgnoreCase):
                        return c => c.UserId;
                    case Word word when word.Text.Equals("connectionId", StringComparison.OrdinalIgnoreCase):
                        return c => c.Id;
                    case Word word when word.Text == "null":
                        return _ => null;
                    default:
                        throw new FormatException($"The operand '{Describe(token)}' is not supported.");
                }
            }

            private Token? Peek() => _position < _tokens.Count ? _tokens[_position] : null;

            private Token Next() => _position < _tokens.Count ? _tokens[_position++] : throw new FormatException("Unexpected end of the filter.");

            private bool IsWord(string word) => Peek() is Word w && w.Text.Equals(word, StringComparison.OrdinalIgnoreCase);

            private void Expect(char symbol)
            {
                if (Next() is not Symbol s || s.Char != symbol)
                {
                    throw new FormatException($"Expected '{symbol}'.");
                }
            }

            private static string Describe(Token token) => token switch
            {
                Word w => w.Text,
                Literal l => "'" + l.Value + "'",
                Symbol s => s.Char.ToString(),
                _ => "?",
            };
        }
    }
}
