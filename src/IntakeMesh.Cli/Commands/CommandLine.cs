namespace IntakeMesh.Cli.Commands;

/// <summary>A verb's arguments: <c>--name value</c> options, <c>--flag</c> switches and positionals.</summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    public CommandLine(IEnumerable<string> args, IReadOnlySet<string> switches)
    {
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                _positionals.Add(arg);
                continue;
            }
            var name = arg[2..];
            var equals = name.IndexOf('=');
            if (equals > 0)
            {
                _options[name[..equals]] = name[(equals + 1)..];
            }
            else if (switches.Contains(name))
            {
                _options[name] = null;
            }
            else if (e.MoveNext())
            {
                _options[name] = e.Current;
            }
            else
            {
                throw new UsageException($"--{name} needs a value");
            }
        }
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);

    public void AllowOnly(params string[] names)
    {
        var unknown = _options.Keys.Except(names).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"unknown option --{unknown[0]}");
        }
    }
}

/// <summary>The command line was wrong; the message says how.</summary>
public sealed class UsageException(string message) : Exception(message);
