namespace BroadcastHub.Web.Infrastructure.Cli;

/// <summary>The little argument parsing the verbs need: flags, <c>--name value</c> / <c>--name=value</c>, positionals.</summary>
internal sealed class CliArguments
{
    private readonly HashSet<string> _flags = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _positionals = [];

    /// <summary>Parses <paramref name="args"/>; options listed in <paramref name="valued"/> take a value.</summary>
    public CliArguments(IReadOnlyList<string> args, params string[] valued)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) || a.Length == 2)
            {
                _positionals.Add(a);
                continue;
            }

            var eq = a.IndexOf('=', StringComparison.Ordinal);
            var name = eq < 0 ? a[2..] : a[2..eq];
            if (eq >= 0) _values[name] = a[(eq + 1)..];
            else if (valued.Contains(name, StringComparer.OrdinalIgnoreCase))
                _values[name] = i + 1 < args.Count ? args[++i] : throw new CliUsageException($"--{name} needs a value.");
            else _flags.Add(name);
        }
    }

    /// <summary>Throws a usage error for any flag or option not in <paramref name="known"/>.</summary>
    public void EnsureOnly(params string[] known)
    {
        var unknown = _flags.Concat(_values.Keys).FirstOrDefault(n => !known.Contains(n, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null) throw new CliUsageException($"Unknown option --{unknown}.");
    }

    /// <summary>Positional arguments, in order.</summary>
    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>Whether <c>--name</c> was given.</summary>
    public bool Has(string name) => _flags.Contains(name);

    /// <summary>The value of <c>--name</c>, or null.</summary>
    public string? Value(string name) => _values.GetValueOrDefault(name);
}
