using System.IO.Compression;
using System.Xml;

namespace BroadcastHub.Web.Features.Airtime;

/// <summary>
/// A minimal Office Open XML spreadsheet (.xlsx) writer: worksheets of text, numbers and local date-times, inline
/// strings, a bold frozen header row, column widths. Rows stream straight into the zip; no dependency besides the BCL.
/// </summary>
public sealed class XlsxWriter : IDisposable
{
    /// <summary>The most rows a worksheet can hold (Excel's limit), header included.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Cell style indexes into styles.xml's cellXfs.</summary>
    private const int DateTimeStyle = 1, HeaderStyle = 2, DecimalStyle = 3, DateStyle = 4;

    private readonly ZipArchive _zip;
    private readonly List<string> _sheets = [];

    /// <summary>Writes the workbook into <paramref name="output"/>; it is complete when this writer is disposed.</summary>
    public XlsxWriter(Stream output) => _zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);

    /// <summary>
    /// Adds a worksheet. Cell values: string, long/int/double (numbers), DateTime (local date-time), DateOnly, or null
    /// (empty). Doubles are shown with one decimal. Throws <see cref="XlsxTooLargeException"/> past <see cref="MaxRows"/>.
    /// </summary>
    public void AddSheet(string name, IReadOnlyList<string> headers, IReadOnlyList<double> widths, IEnumerable<IReadOnlyList<object?>> rows)
    {
        _sheets.Add(name);
        using var xml = Xml(_zip.CreateEntry($"xl/worksheets/sheet{_sheets.Count}.xml", CompressionLevel.Fastest));
        xml.WriteStartElement("worksheet", XlsxParts.MainNs);
        xml.WriteRaw("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
        xml.WriteStartElement("cols");
        for (var i = 0; i < widths.Count; i++)
        {
            xml.WriteStartElement("col");
            xml.WriteAttributeString("min", Num(i + 1));
            xml.WriteAttributeString("max", Num(i + 1));
            xml.WriteAttributeString("width", Num(widths[i]));
            xml.WriteAttributeString("customWidth", "1");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("sheetData");
        var rowNumber = 1;
        WriteRow(xml, rowNumber, headers, HeaderStyle);
        foreach (var row in rows)
        {
            if (++rowNumber > MaxRows) throw new XlsxTooLargeException($"A worksheet holds at most {MaxRows} rows.");
            WriteRow(xml, rowNumber, row, 0);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>Writes the workbook parts and closes the zip.</summary>
    public void Dispose()
    {
        XlsxParts.Write(_zip, _sheets);
        _zip.Dispose();
    }

    private static void WriteRow(XmlWriter xml, int number, IReadOnlyList<object?> cells, int style)
    {
        xml.WriteStartElement("row");
        xml.WriteAttributeString("r", Num(number));
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i] is not { } value) continue;
            xml.WriteStartElement("c");
            xml.WriteAttributeString("r", Column(i) + Num(number));
            switch (value)
            {
                case string text:
                    if (style != 0) xml.WriteAttributeString("s", Num(style));
                    xml.WriteAttributeString("t", "inlineStr");
                    xml.WriteStartElement("is");
                    xml.WriteStartElement("t");
                    xml.WriteAttributeString("xml", "space", null, "preserve");
                    xml.WriteString(XlsxParts.XmlSafe(text));
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    break;
                case DateTime local:
                    Number(xml, local.ToOADate(), DateTimeStyle);
                    break;
                case DateOnly date:
                    Number(xml, date.ToDateTime(TimeOnly.MinValue).ToOADate(), DateStyle);
                    break;
                case double d:
                    Number(xml, d, DecimalStyle);
                    break;
                default:
                    Number(xml, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), style);
                    break;
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Number(XmlWriter xml, double value, int style)
    {
        if (style != 0) xml.WriteAttributeString("s", Num(style));
        xml.WriteElementString("v", Num(value));
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    internal static string Column(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string Num(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);

    private static string Num(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static XmlWriter Xml(ZipArchiveEntry entry) =>
        XmlWriter.Create(entry.Open(), new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), CloseOutput = true });
}

/// <summary>More rows than a worksheet can hold.</summary>
public sealed class XlsxTooLargeException(string message) : Exception(message);
