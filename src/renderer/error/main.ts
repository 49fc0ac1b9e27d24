import '../styles/theme.css';
import '../styles/settings.css';
import { bridge } from '../bridge';
import { runDetached } from '../detached';
import { reportUncaughtErrors } from '../report-errors';

// No React here: the page that crashed twice was a React page, and this one must still show.
reportUncaughtErrors('error');

const status = document.getElementById('copied')!;
document.getElementById('copy')!.addEventListener('click', () =>
  runDetached(
    bridge()
      .copyDiagnostics({ redactAddress: true, redactEntityNames: true })
      .then((reply) => {
        status.textContent = reply.ok
          ? 'Diagnostics copied to the clipboard.'
          : reply.error.message;
      }),
    'Copying diagnostics',
  ),
);
