using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.Testing;

/// <summary>
/// `dotnet Bot.dll VERB` as a real child process, with settings as environment variables
/// (`Storage:Path` → `Storage__Path`), for the end-to-end tests of processes: its output is kept for
/// failure messages, and disposing it kills it.
/// </summary>
public sealed class BotProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();

    private BotProcess(Process process) => Process = process;

    public Process Process { get; }

    /// <param name="bot">Bot.dll (by default the one beside the running test).</param>
    public static BotProcess Start(string verb, IReadOnlyDictionary<string, string?> settings, string? bot = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(bot ?? Path.Combine(AppContext.BaseDirectory, "Bot.dll"));
        start.ArgumentList.Add(verb);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var child = new BotProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"));
        child.Process.OutputDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The last lines it wrote (both streams).</summary>
    public string Output() => string.Join('\n', _lines.TakeLast(30));

    /// <summary>A TCP port free on 127.0.0.1 right now (for a process's `Urls`).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        while (_lines.Count > 200) _lines.TryDequeue(out _);
    }

    public void Dispose()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.Dispose();
    }
}
