// First: React Fast Refresh's preamble as a module, because the CSP (script-src 'self') blocks the
// inline preamble script Vite would add to index.html in development. Empty in production builds.
import '@vitejs/plugin-react/preamble';
import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './app/print.css';
import './app/layout.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient, pickTransport } from './api/client';
import { createQueryClient } from './api/query-client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App client={createApiClient(pickTransport())} queryClient={createQueryClient()} />
  </StrictMode>,
);
