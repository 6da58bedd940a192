import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CONSOLE_ASSETS, type ConsoleAssets } from './console-assets.js';
import { CONSOLE_CSP, consolePage, type ConsolePageData } from './console-page.js';

export const CONSOLE_PAGE_DATA = Symbol('CONSOLE_PAGE_DATA');

const TYPES = { 'console.js': 'text/javascript; charset=utf-8', 'console.css': 'text/css; charset=utf-8' } as const;

/** The offline API console: one page and its two bundled assets, nothing from any other host. */
@Controller('console')
export class ConsoleController {
  private readonly html: string | null;

  constructor(
    @Inject(CONSOLE_ASSETS) private readonly assets: ConsoleAssets | null,
    @Inject(CONSOLE_PAGE_DATA) data: ConsolePageData,
  ) {
    this.html = assets ? consolePage(data, assets.version) : null;
  }

  @Get()
  page(@Req() req: Request, @Res() res: Response): void {
    // The page's URLs are relative to /console: /console/ would look for /console/console/...
    if (req.path.endsWith('/')) return res.redirect(301, '../console');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    if (!this.html) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The API console is not built: run `npm run build` (or `npm start`, which builds it), then restart.\n');
      return;
    }
    res.setHeader('content-security-policy', CONSOLE_CSP);
    res.setHeader('x-frame-options', 'DENY');
    res.status(200).type('text/html; charset=utf-8').send(this.html);
  }

  @Get(':file')
  asset(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    const body = this.assets && (file === 'console.js' || file === 'console.css') ? this.assets.files[file] : undefined;
    if (!this.assets || !body) {
      res.status(404).type('text/plain; charset=utf-8').send('Not found\n');
      return;
    }
    // A URL naming this build may be cached for good; any other may not.
    const current = req.query.v === this.assets.version;
    res.setHeader('cache-control', current ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.setHeader('x-content-type-options', 'nosniff');
    res
      .status(200)
      .type(TYPES[file as keyof typeof TYPES])
      .send(body);
  }
}
