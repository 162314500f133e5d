using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Bot.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL server for tests and benches: <c>initdb</c> in a temporary folder, <c>pg_ctl</c> on a free
/// loopback port, stopped and removed when disposed. PostgreSQL refuses to run as root, so as root (CI, this
/// machine) the server runs as the unprivileged user <c>nobody</c> (through <c>runuser</c>), owning only its folder.
/// Without the server's binaries it throws, saying what to install: a test that needs it fails, never passes.
/// </summary>
public sealed class PgCluster : IDisposable
{
    private const string RunAs = "nobody";
    private readonly string _bin;
    private readonly string _folder;
    private readonly bool _asRoot;

    private PgCluster(string bin, string folder, int port, bool asRoot)
    {
        (_bin, _folder, Port, _asRoot) = (bin, folder, port, asRoot);
    }

    public int Port { get; }

    /// <summary>The server's superuser on the default database.</summary>
    public string ConnectionString => Connection("postgres");

    public string Connection(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = "postgres", Database = database, Pooling = true, MaxPoolSize = 50 }.ConnectionString;

    /// <param name="durable">False for tests: no fsync (a crash of the machine may lose the cluster, which is thrown away anyway).
    /// True for benches, which measure what a real server does.</param>
    /// <param name="settings">More server settings (<c>-c name=value …</c>), e.g. a bench's statement statistics.</param>
    public static PgCluster Start(bool durable = false, string settings = "")
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL's server programs (initdb, pg_ctl) were not found on PATH nor in /usr/lib/postgresql/*/bin. " +
            "Install them: `apt-get install postgresql` (scripts/setup.sh does it), then run the tests again.");
        var asRoot = Environment.UserName == "root"; // .NET reads the effective user (geteuid), not $USER
        var folder = Directory.CreateTempSubdirectory("bot-pg-").FullName;
        var cluster = new PgCluster(bin, folder, FreePort(), asRoot);
        try
        {
            cluster.Init(durable, settings);
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private string Data => Path.Combine(_folder, "data");

    private void Init(bool durable, string extra)
    {
        Directory.CreateDirectory(Data);
        if (_asRoot && !OperatingSystem.IsWindows())
        {
            // Only the cluster's own folder is the unprivileged user's; its parent stays root's but may be walked through.
            File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            Run("chown", ["-R", RunAs, _folder], asServer: false);
        }
        Run(Path.Combine(_bin, "initdb"), ["-D", Data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync"], asServer: true);
        var settings = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)} -h 127.0.0.1 -k {_folder} -c max_connections=200",
            durable ? "" : "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", extra);
        Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60", "-o", settings, "start"], asServer: true);
    }

    /// <summary>A new empty database (optionally a copy of <paramref name="template"/>); returns its connection string.</summary>
    public string CreateDatabase(string name, string? template = null)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"create database \"{name}\"" + (template is null ? "" : $" template \"{template}\""), connection);
        command.ExecuteNonQuery();
        return Connection(name);
    }

    /// <summary>
    /// The processor time the server has used so far (Linux only, else null): the postmaster and its live children
    /// (/proc/…/stat, user and system), and the children already gone (counted in the postmaster's own).
    /// </summary>
    public TimeSpan? ProcessorTime()
    {
        var pidFile = Path.Combine(Data, "postmaster.pid");
        if (!OperatingSystem.IsLinux() || !File.Exists(pidFile)) return null;
        var postmaster = File.ReadLines(pidFile).First().Trim();
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc").Where(d => char.IsAsciiDigit(Path.GetFileName(d)[0])))
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // a process that just ended, or not ours to read
            }
            // After the command's closing parenthesis: state, ppid, … utime (14th field), stime, cutime, cstime.
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var pid = Path.GetFileName(dir);
            if (pid == postmaster) ticks += f[11..15].Sum(n => long.Parse(n, CultureInfo.InvariantCulture));
            else if (f[1] == postmaster) ticks += long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    /// <summary>What the server wrote to its log (for a failing test's message).</summary>
    public string Log() => File.Exists(Path.Combine(_folder, "server.log")) ? File.ReadAllText(Path.Combine(_folder, "server.log")) : "";

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            try
            {
                Run(Path.Combine(_bin, "pg_ctl"), ["-D", Data, "-m", "immediate", "-w", "-t", "30", "stop"], asServer: true);
            }
            catch (InvalidOperationException)
            {
                // already stopped
            }
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // the system cleans its temporary folder
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Run(string program, string[] args, bool asServer)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServer && _asRoot)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", RunAs, "--", program]) start.ArgumentList.Add(a);
        }
        else start.FileName = program;
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["LC_ALL"] = "C";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90))) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {error.Result}{output.Result}\n{Log()}");
    }

    private static string? FindBinaries()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        if (!Directory.Exists("/usr/lib/postgresql")) return null;
        return Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
            .FirstOrDefault();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
