import { writeFile } from 'node:fs/promises';
import JSZip from 'jszip';

/** A minimal XLSX as Excel lays it out: one tab "creators", its sheet XML and shared strings as given. */
export async function writeXlsx(path: string, sheetXml: string, sharedStringsXml?: string, options: { isCompressed?: boolean } = {}): Promise<string> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="creators" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file(
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
  );
  zip.file('xl/worksheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><worksheet>${sheetXml}</worksheet>`);
  if (sharedStringsXml !== undefined) zip.file('xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?>${sharedStringsXml}`);
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: options.isCompressed === false ? 'STORE' : 'DEFLATE', compressionOptions: { level: 1 } }));
  return path;
}
