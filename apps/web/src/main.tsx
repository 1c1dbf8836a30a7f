import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { handBackToOpener } from './organisation-sign-in';
import './styles.css';

// The small window a sign-in over a working page opened closes itself once it has handed the outcome back.
if (!handBackToOpener())
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
