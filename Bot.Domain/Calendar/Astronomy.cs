namespace Bot.Domain.Calendar;

/// <summary>
/// The two astronomical facts a lunisolar calendar needs — when the moon is new and where the sun
/// stands on the ecliptic — to within a few minutes, which is enough to place them on the right day.
/// Formulas from Jean Meeus, "Astronomical Algorithms" (2nd ed.): new moon, ch. 49; the sun's
/// apparent longitude, ch. 25 (low accuracy, ≈0.01°); ΔT from the Espenak–Meeus polynomials.
/// Times are Julian days: days since noon UT, 1 January 4713 BC.
/// </summary>
internal static class Astronomy
{
    public const double SynodicMonth = 29.530588861;

    /// <summary>Julian day (UT) of the mean new moon k = 0 (6 January 2000), the origin of the count.</summary>
    public const double FirstNewMoon = 2451550.09766;

    private const double J2000 = 2451545.0;
    private const double SecondsPerDay = 86400;

    /// <summary>The instant (Julian day, UT) of new moon number <paramref name="k"/>, counted from 6 January 2000.</summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries from J2000
        var mean = FirstNewMoon + SynodicMonth * k
            + t * t * (0.00015437 + t * (-0.000000150 + t * 0.00000000073));

        var e = 1 - t * (0.002516 + t * 0.0000074); // the earth's orbit is slowly growing rounder
        var sun = Radians(2.5534 + 29.10535670 * k - t * t * (0.0000014 + t * 0.00000011));
        var moon = Radians(201.5643 + 385.81693528 * k + t * t * (0.0107582 + t * (0.00001238 - t * 0.000000058)));
        var f = Radians(160.7108 + 390.67050284 * k - t * t * (0.0016118 + t * (0.00000227 - t * 0.000000011)));
        var node = Radians(124.7746 - 1.56375588 * k + t * t * (0.0020672 + t * 0.00000215));

        var correction =
            -0.40720 * Math.Sin(moon)
            + 0.17241 * e * Math.Sin(sun)
            + 0.01608 * Math.Sin(2 * moon)
            + 0.01039 * Math.Sin(2 * f)
            + 0.00739 * e * Math.Sin(moon - sun)
            - 0.00514 * e * Math.Sin(moon + sun)
            + 0.00208 * e * e * Math.Sin(2 * sun)
            - 0.00111 * Math.Sin(moon - 2 * f)
            - 0.00057 * Math.Sin(moon + 2 * f)
            + 0.00056 * e * Math.Sin(2 * moon + sun)
            - 0.00042 * Math.Sin(3 * moon)
            + 0.00042 * e * Math.Sin(sun + 2 * f)
            + 0.00038 * e * Math.Sin(sun - 2 * f)
            - 0.00024 * e * Math.Sin(2 * moon - sun)
            - 0.00017 * Math.Sin(node)
            - 0.00007 * Math.Sin(moon + 2 * sun)
            + 0.00004 * Math.Sin(2 * moon - 2 * f)
            + 0.00004 * Math.Sin(3 * sun)
            + 0.00003 * Math.Sin(moon + sun - 2 * f)
            + 0.00003 * Math.Sin(2 * moon + 2 * f)
            - 0.00003 * Math.Sin(moon + sun + 2 * f)
            + 0.00003 * Math.Sin(moon - sun + 2 * f)
            - 0.00002 * Math.Sin(moon - sun - 2 * f)
            - 0.00002 * Math.Sin(3 * moon + sun)
            + 0.00002 * Math.Sin(4 * moon);

        // The planets' pull, a further minute or so.
        var planets =
            0.000325 * SinDegrees(299.77 + 0.107408 * k - 0.009173 * t * t)
            + 0.000165 * SinDegrees(251.88 + 0.016321 * k)
            + 0.000164 * SinDegrees(251.83 + 26.651886 * k)
            + 0.000126 * SinDegrees(349.42 + 36.412478 * k)
            + 0.000110 * SinDegrees(84.66 + 18.206239 * k)
            + 0.000062 * SinDegrees(141.74 + 53.303771 * k)
            + 0.000060 * SinDegrees(207.14 + 2.453732 * k)
            + 0.000056 * SinDegrees(154.84 + 7.306860 * k)
            + 0.000047 * SinDegrees(34.52 + 27.261239 * k)
            + 0.000042 * SinDegrees(207.19 + 0.121824 * k)
            + 0.000040 * SinDegrees(291.34 + 1.844379 * k)
            + 0.000037 * SinDegrees(161.72 + 24.198154 * k)
            + 0.000035 * SinDegrees(239.56 + 25.513099 * k)
            + 0.000023 * SinDegrees(331.55 + 3.592518 * k);

        var terrestrial = mean + correction + planets; // dynamical time (TT)
        return terrestrial - DeltaT(terrestrial) / SecondsPerDay;
    }

    /// <summary>The sun's apparent ecliptic longitude in degrees, 0 ≤ λ &lt; 360, at a Julian day (UT).</summary>
    public static double SunLongitude(double julianDayUt)
    {
        var t = (julianDayUt + DeltaT(julianDayUt) / SecondsPerDay - J2000) / 36525;
        var meanLongitude = 280.46646 + t * (36000.76983 + t * 0.0003032);
        var anomaly = Radians(357.52911 + t * (35999.05029 - t * 0.0001537));
        var centre = (1.914602 - t * (0.004817 + t * 0.000014)) * Math.Sin(anomaly)
            + (0.019993 - t * 0.000101) * Math.Sin(2 * anomaly)
            + 0.000289 * Math.Sin(3 * anomaly);
        var node = Radians(125.04 - 1934.136 * t);
        // Aberration and nutation turn the true (geometric) longitude into the apparent one.
        var apparent = meanLongitude + centre - 0.00569 - 0.00478 * Math.Sin(node);
        return Normalize(apparent);
    }

    /// <summary>
    /// ΔT = TT − UT in seconds: how far the earth's slowing rotation has let clock time fall behind
    /// uniform time (about a minute around 2000). Espenak–Meeus fits, good from 1800 to 2150.
    /// </summary>
    internal static double DeltaT(double julianDay)
    {
        var y = 2000 + (julianDay - J2000) / 365.2425;
        if (y < 1860)
        {
            var t = y - 1800;
            return 13.72 + t * (-0.332447 + t * (0.0068612 + t * (0.0041116 + t * (-0.00037436
                + t * (0.0000121272 + t * (-0.0000001699 + t * 0.000000000875))))));
        }
        if (y < 1900)
        {
            var t = y - 1860;
            return 7.62 + t * (0.5737 + t * (-0.251754 + t * (0.01680668 + t * (-0.0004473624 + t / 233174))));
        }
        if (y < 1920)
        {
            var t = y - 1900;
            return -2.79 + t * (1.494119 + t * (-0.0598939 + t * (0.0061966 - t * 0.000197)));
        }
        if (y < 1941)
        {
            var t = y - 1920;
            return 21.20 + t * (0.84493 + t * (-0.076100 + t * 0.0020936));
        }
        if (y < 1961)
        {
            var t = y - 1950;
            return 29.07 + t * (0.407 + t * (-1 / 233.0 + t / 2547));
        }
        if (y < 1986)
        {
            var t = y - 1975;
            return 45.45 + t * (1.067 + t * (-1 / 260.0 - t / 718));
        }
        if (y < 2005)
        {
            var t = y - 2000;
            return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
        }
        if (y < 2050)
        {
            var t = y - 2000;
            return 62.92 + t * (0.32217 + t * 0.005589);
        }
        var u = (y - 1820) / 100;
        return y < 2150 ? -20 + 32 * u * u - 0.5628 * (2150 - y) : -20 + 32 * u * u;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;

    private static double SinDegrees(double degrees) => Math.Sin(Radians(degrees));

    private static double Normalize(double degrees)
    {
        var d = degrees % 360;
        return d < 0 ? d + 360 : d;
    }
}
