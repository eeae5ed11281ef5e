using System.Globalization;
using System.IO.Compression;
using System.Xml.Linq;

namespace BroadcastHub.Web.Tests.Features.Airtime;

/// <summary>Reads an .xlsx back with nothing but the zip and XML classes: sheet names and each sheet's cell values.</summary>
internal sealed class XlsxReader
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRel = "http://schemas.openxmlformats.org/package/2006/relationships";

    public XlsxReader(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        Parts = zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return XDocument.Load(stream);
        });
        var rels = Parts["xl/_rels/workbook.xml.rels"].Root!.Elements(PackageRel + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => "xl/" + (string)r.Attribute("Target")!);
        Sheets = Parts["xl/workbook.xml"].Root!.Element(Main + "sheets")!.Elements(Main + "sheet")
            .ToDictionary(s => (string)s.Attribute("name")!, s => Rows(Parts[rels[(string)s.Attribute(Rel + "id")!]]));
        Parts.Remove("[Content_Types].xml", out var types);
        ContentTypes = types!;
    }

    /// <summary>Every XML part, parsed (so each one is well-formed).</summary>
    public Dictionary<string, XDocument> Parts { get; }

    public XDocument ContentTypes { get; }

    /// <summary>Sheet name → rows → cells (text as string, numbers as double), by column letter.</summary>
    public Dictionary<string, List<Dictionary<string, object>>> Sheets { get; }

    public static DateTime Date(object cell) => DateTime.FromOADate((double)cell);

    private static List<Dictionary<string, object>> Rows(XDocument sheet) =>
        sheet.Root!.Element(Main + "sheetData")!.Elements(Main + "row").Select(row => row.Elements(Main + "c").ToDictionary(
            c => new string(((string)c.Attribute("r")!).TakeWhile(char.IsLetter).ToArray()),
            c => (string?)c.Attribute("t") == "inlineStr"
                ? (object)string.Concat(c.Descendants(Main + "t").Select(t => t.Value))
                : double.Parse(c.Element(Main + "v")!.Value, CultureInfo.InvariantCulture))).ToList();
}
