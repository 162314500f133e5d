using Bot.Domain.Organization;
using Bot.Storage;

namespace Bot.Tests.Organization;

/// <summary>The real units of Tứ Kỳ from config/units.tu-ky.json (copied to the test output).</summary>
internal static class TestUnits
{
    private static readonly Lazy<UnitDirectory> Loaded = new(() => UnitsFile.Load(Bot.Hosting.ConfigFiles.Find(Bot.Hosting.ConfigFiles.Units)));

    public static UnitDirectory TuKy => Loaded.Value;
}
