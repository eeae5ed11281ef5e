using System.IO.Compression;
using System.Text;
using System.Xml;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>The fixed parts of an .xlsx package around its worksheets: content types, relationships, workbook, styles.</summary>
internal static class XlsxParts
{
    public const string MainNs = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string PackageRelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string SheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

    private const string Styles =
        $"""
        <styleSheet xmlns="{MainNs}"><numFmts count="3"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm:ss"/><numFmt numFmtId="165" formatCode="0.0"/><numFmt numFmtId="166" formatCode="yyyy-mm-dd"/></numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """;

    public static void Write(ZipArchive zip, IReadOnlyList<string> sheets)
    {
        var types = new StringBuilder($"""<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>""");
        var workbook = new StringBuilder($"""<workbook xmlns="{MainNs}" xmlns:r="{RelNs}"><sheets>""");
        var rels = new StringBuilder($"""<Relationships xmlns="{PackageRelNs}">""");
        for (var i = 1; i <= sheets.Count; i++)
        {
            types.Append($"""<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SheetType}"/>""");
            workbook.Append($"""<sheet name="{Attribute(SheetName(sheets[i - 1]))}" sheetId="{i}" r:id="rId{i}"/>""");
            rels.Append($"""<Relationship Id="rId{i}" Type="{RelNs}/worksheet" Target="worksheets/sheet{i}.xml"/>""");
        }
        rels.Append($"""<Relationship Id="rId{sheets.Count + 1}" Type="{RelNs}/styles" Target="styles.xml"/></Relationships>""");
        Part(zip, "[Content_Types].xml", types.Append("</Types>").ToString());
        Part(zip, "_rels/.rels",
            $"""<Relationships xmlns="{PackageRelNs}"><Relationship Id="rId1" Type="{RelNs}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Part(zip, "xl/workbook.xml", workbook.Append("</sheets></workbook>").ToString());
        Part(zip, "xl/_rels/workbook.xml.rels", rels.ToString());
        Part(zip, "xl/styles.xml", Styles);
    }

    /// <summary>Removes characters XML 1.0 cannot carry (most control characters, lone surrogates).</summary>
    public static string XmlSafe(string text)
    {
        var safe = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) safe.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) safe.Append(text[i]).Append(text[++i]);
        }
        return safe.Length == text.Length ? text : safe.ToString();
    }

    /// <summary>A valid sheet name: at most 31 characters, none of <c>[]:*?/\</c>.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Select(ch => "[]:*?/\\".Contains(ch) ? ' ' : ch).ToArray()).Trim();
        return clean.Length == 0 ? "Sheet" : clean[..Math.Min(31, clean.Length)];
    }

    private static string Attribute(string text) => System.Security.SecurityElement.Escape(text);

    private static void Part(ZipArchive zip, string name, string xml)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        writer.Write("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>""");
        writer.Write(xml);
    }
}
