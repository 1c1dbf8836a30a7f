import { NOTIFY_TEMPLATE_KEYS } from '@app/domain';
import { readNotifySettings, templateVariable } from './notify.config';

const SERVICE = '26785a09-ab16-4eb0-8407-a37497a57506';
const SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
const KEY = `resettle_live-${SERVICE}-${SECRET}`;

function allTemplates(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of NOTIFY_TEMPLATE_KEYS) {
    for (const channel of ['email', 'sms'] as const) env[templateVariable(key, channel)] = SERVICE;
  }
  return env;
}

describe('readNotifySettings', () => {
  it('sends nothing without a key (a blank one counts as none): messages go to the log', () => {
    expect(readNotifySettings({}).apiKey).toBeNull();
    expect(readNotifySettings({ NOTIFY_API_KEY: '  ' }).apiKey).toBeNull();
    expect(readNotifySettings({}).baseUrl).toBe('https://api.notifications.service.gov.uk');
  });

  it('takes a key in Notify’s format with every template id', () => {
    const settings = readNotifySettings({ NOTIFY_API_KEY: KEY, ...allTemplates() });
    expect(settings.apiKey).toBe(KEY);
    expect(settings.templateIds.digest.sms).toBe(SERVICE);
  });

  it('refuses a key without its template ids, naming the missing variable', () => {
    expect(() => readNotifySettings({ NOTIFY_API_KEY: KEY })).toThrow(/NOTIFY_TEMPLATE_ESCALATION_EMAIL/);
  });

  it('refuses a key that is not in Notify’s format', () => {
    expect(() => readNotifySettings({ NOTIFY_API_KEY: 'not-a-key', ...allTemplates() })).toThrow(/NOTIFY_API_KEY/);
  });

  it('names template variables after the message and channel', () => {
    expect(templateVariable('task-alert', 'sms')).toBe('NOTIFY_TEMPLATE_TASK_ALERT_SMS');
  });
});
