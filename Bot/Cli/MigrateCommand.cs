using System.Diagnostics;
using Bot.Hosting;
using Bot.Storage;
using Bot.Storage.Postgres;
using Spectre.Console;

namespace Bot.Cli;

/// <summary>
/// `Bot migrate --from FILE --to CONNECTION`: a district's LiteDB file into a province's PostgreSQL database. Copies
/// everything, counts both sides, and says whether they agree (exit code 1 when not). Running it again changes
/// nothing. The bot on that file is stopped first (the file's lock says so otherwise).
/// </summary>
public static class MigrateCommand
{
    public static Task<int> RunAsync(CliArgs args) => RunAsync(args, StartedClock.From(BotConfiguration.Build()["Clock:Now"]));

    /// <summary>On the bot's clock (as every verb): opening the file prunes what is older than its keeping time by it.</summary>
    internal static Task<int> RunAsync(CliArgs args, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(args);
        var from = args.Option("from") ?? throw new CliException("Bot migrate --from TỆP_LITEDB --to CHUỖI_KẾT_NỐI_POSTGRESQL");
        var to = args.Option("to") ?? Environment.GetEnvironmentVariable("Storage__ConnectionString")
            ?? throw new CliException("Thiếu --to CHUỖI_KẾT_NỐI_POSTGRESQL (hoặc biến môi trường Storage__ConnectionString).");
        if (!File.Exists(from)) throw new CliException($"Không có tệp {from}.");
        var watch = Stopwatch.StartNew();
        using var lite = BotStore.Open(new StoreOptions(from, BotConfiguration.Build()["Storage:Password"]), clock);
        PgStore pg;
        try
        {
            pg = PgStore.Open(to, clock);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException)
        {
            throw new CliException($"Không kết nối được PostgreSQL: {e.Message}");
        }
        using (pg)
        {
            var counts = StoreMigration.Copy(lite, pg, (what, done) => { if (done % 100_000 == 0) Console.Error.WriteLine($"  {what}: {done:N0}"); });
            var table = new Table().AddColumns("Loại", "Trong tệp", "Trong CSDL", "");
            foreach (var c in counts) table.AddRow(c.What, c.InFile.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                c.InDatabase.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), c.Agrees ? "✓" : "[red]khác[/]");
            AnsiConsole.Write(table);
            var agree = counts.All(c => c.Agrees);
            Console.WriteLine(agree
                ? $"Đã chuyển xong trong {watch.Elapsed.TotalSeconds:0.0} giây; số lượng hai bên khớp nhau."
                : "Số lượng hai bên không khớp: CSDL đích đã có dữ liệu khác, hoặc việc chuyển bị ngắt. Chạy lại lệnh (chạy lại không ghi trùng).");
            return Task.FromResult(agree ? 0 : 1);
        }
    }
}
