using IntakeMesh.Cli.Bench;
using IntakeMesh.Cli.Commands;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.Out.WriteLine($"""
        IntakeMesh command-line tool

          {ProduceCommand.Usage}
          {ClassifyCommand.Usage}
          {ReplayCommand.Usage}
          {BenchCommand.Usage}
        """);
    return args.Length == 0 ? 2 : 0;
}

try
{
    var rest = args.Skip(1);
    return args[0] switch
    {
        "produce" => await ProduceCommand.RunAsync(new CommandLine(rest, new HashSet<string>()), Console.Out, Console.Error, cancellation.Token),
        "classify" => ClassifyCommand.Run(new CommandLine(rest, new HashSet<string>()), Console.In, Console.Out, Console.Error),
        "replay" => ReplayCommand.Run(new CommandLine(rest, new HashSet<string>()), Console.Out, Console.Error),
        "bench" => await BenchCommand.RunAsync(new CommandLine(rest, new HashSet<string>()), Console.Out, Console.Error, cancellation.Token),
        _ => throw new UsageException($"unknown verb '{args[0]}'; try --help"),
    };
}
catch (UsageException ex)
{
    Console.Error.WriteLine($"intakemesh: {ex.Message}");
    return 2;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("intakemesh: cancelled");
    return 130;
}
