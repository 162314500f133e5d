// The benches: `Bot.Bench chat|store|remind|parse|time|docs [options]` (also reached as `Bot bench …`).
using System.Text;
using Bot.Cli;

Console.OutputEncoding = Encoding.UTF8;
try
{
    return await Bot.Bench.BenchCommand.RunAsync(new CliArgs(args));
}
catch (CliException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return CommandLine.BadInput;
}
