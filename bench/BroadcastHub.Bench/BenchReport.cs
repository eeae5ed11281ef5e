using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace BroadcastHub.Bench;

/// <summary>Prints results as they come and keeps them as Markdown (saved to WORK/results.md).</summary>
public sealed class BenchReport(string work)
{
    private readonly StringBuilder _markdown = new();

    public void Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        Line($"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} logical cores, "
             + $"{memory:F1} GiB RAM; {RuntimeInformation.OSDescription}; .NET {Environment.Version}; "
             + $"{(IsRelease ? "Release" : "Debug (use -c Release for real figures)")} build.");
    }

    public void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine($"== {title} ==");
        _markdown.AppendLine().AppendLine($"### {title}").AppendLine();
    }

    public void Line(string text)
    {
        Console.WriteLine(text);
        _markdown.AppendLine(text).AppendLine();
    }

    public void Table(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var text = new[] { header }.Concat(all).Select(r => "| " + string.Join(" | ", r) + " |").ToList();
        text.Insert(1, "|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var l in text) Console.WriteLine(l);
        foreach (var l in text) _markdown.AppendLine(l);
        _markdown.AppendLine();
    }

    public void Save()
    {
        var path = Path.Combine(work, "results.md");
        File.WriteAllText(path, _markdown.ToString());
        Console.WriteLine();
        Console.WriteLine($"Results saved to {path}");
    }

    public static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);

#if DEBUG
    private const bool IsRelease = false;
#else
    private const bool IsRelease = true;
#endif
}
