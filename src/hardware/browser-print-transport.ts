/**
 * The fallback for any printer the browser can print to (a system printer, "Save as PDF"): the job's
 * payload is printable HTML (UTF-8 bytes), rendered in a hidden iframe whose print() opens the
 * browser's print dialog. The outcome is only "the dialog was opened": the browser never says whether
 * the paper came out, so such jobs end 'done' once print() returned.
 */
import { BaseTransport, TransportError } from './transport.ts';

export class BrowserPrintTransport extends BaseTransport {
  readonly kind = 'browser' as const;

  constructor(private readonly doc: Document = document) {
    super();
  }

  open(): Promise<void> {
    return this.serialised(async () => {
      if (!this.doc.body) this.fail(new TransportError('unsupported', 'No document to print from.'), 'unsupported');
      this.setStatus('open');
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.serialised(async () => {
      this.requireOpen();
      const html = new TextDecoder().decode(bytes);
      const frame = this.doc.createElement('iframe');
      frame.setAttribute('aria-hidden', 'true');
      frame.setAttribute('data-testid', 'print-frame');
      frame.style.cssText = 'position:fixed;width:0;height:0;border:0;left:-10000px;top:0';
      this.doc.body.appendChild(frame);
      try {
        const win = frame.contentWindow;
        const fdoc = frame.contentDocument ?? win?.document;
        if (!win || !fdoc) throw new TransportError('unsupported', 'The print frame has no window.');
        fdoc.open();
        fdoc.write(html);
        fdoc.close();
        win.focus();
        win.print();
      } catch (error) {
        this.fail(error, 'io');
      } finally {
        // Removed a moment later: Chrome prints asynchronously from the frame's document.
        setTimeout(() => frame.remove(), 60_000);
      }
    });
  }

  close(): Promise<void> {
    return this.serialised(async () => {
      this.setStatus('closed');
    });
  }
}
