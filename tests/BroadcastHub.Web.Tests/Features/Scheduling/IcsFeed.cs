using System.Text;

namespace BroadcastHub.Web.Tests.Features.Scheduling;

/// <summary>A small RFC 5545 reader for tests: checks the physical form, unfolds, and splits components and properties.</summary>
internal sealed class IcsFeed
{
    public sealed record Property(string Name, string Parameters, string Value);

    public sealed record Component(string Name, List<Property> Properties, List<Component> Children)
    {
        public string? this[string name] => Properties.FirstOrDefault(p => p.Name == name)?.Value;
        public Property? Get(string name) => Properties.FirstOrDefault(p => p.Name == name);
    }

    public required Component Calendar { get; init; }

    public IEnumerable<Component> Events => Calendar.Children.Where(c => c.Name == "VEVENT");

    public static IcsFeed Parse(byte[] bytes)
    {
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        Assert.EndsWith("\r\n", text);
        Assert.DoesNotContain('\n', text.Replace("\r\n", ""));
        Assert.DoesNotContain('\r', text.Replace("\r\n", ""));
        var physical = text[..^2].Split("\r\n");
        foreach (var line in physical)
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"longer than 75 octets: {line}");
            Assert.NotEqual(0, line.Length);
        }
        var lines = text.Replace("\r\n ", "").Replace("\r\n\t", "")[..^2].Split("\r\n");
        var stack = new Stack<Component>();
        Component? root = null;
        foreach (var line in lines)
        {
            var colon = IndexOfColon(line);
            var head = line[..colon];
            var value = line[(colon + 1)..];
            var semicolon = head.IndexOf(';');
            var (name, parameters) = semicolon < 0 ? (head, "") : (head[..semicolon], head[(semicolon + 1)..]);
            if (name == "BEGIN")
            {
                var component = new Component(value, [], []);
                if (stack.Count > 0) stack.Peek().Children.Add(component);
                else root = component;
                stack.Push(component);
            }
            else if (name == "END") Assert.Equal(value, stack.Pop().Name);
            else stack.Peek().Properties.Add(new Property(name, parameters, value));
        }
        Assert.Empty(stack);
        Assert.Equal("VCALENDAR", root!.Name);
        return new IcsFeed { Calendar = root };
    }

    public static string Unescape(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\\' || i + 1 == value.Length) { text.Append(value[i]); continue; }
            var next = value[++i];
            text.Append(next is 'n' or 'N' ? '\n' : next);
        }
        return text.ToString();
    }

    private static int IndexOfColon(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) return i;
        }
        throw new FormatException("no colon in " + line);
    }
}
