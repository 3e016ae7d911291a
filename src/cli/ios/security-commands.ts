/**
 * What CCNA labs type to secure a device and reach it over SSH: `username`, `security
 * passwords min-length`, `crypto key generate rsa` (with the modulus question),
 * `crypto key zeroize rsa` and `ip ssh version`, with the messages IOS 15 prints.
 */
import type { Password, UserAccount } from '../../shared/config.ts';
import { hashSecret, parseMd5Crypt } from '../crypto/md5crypt.ts';
import { LINE, range, WORD } from '../parser/args.ts';
import type { Args } from '../parser/tree.ts';
import { FACTORY_HOSTNAME, without } from './config-edit.ts';
import { arg, type IosNode, kw, run } from './dsl.ts';
import type { IosEnv } from './env.ts';
import { typedPassword } from './password.ts';

export const BAD_TYPE5 = [
  'ERROR: The secret you entered is not a valid encrypted secret.',
  'To enter an UNENCRYPTED secret, do not specify type 5 encryption.',
  'When you properly enter an UNENCRYPTED secret, it will be encrypted.',
];

/**
 * `security passwords min-length`: a password typed at the console that is too short is
 * refused. A saved configuration is applied as saved.
 */
export function tooShort(env: IosEnv, plain: string): boolean {
  const min = env.config().minPasswordLength;
  if (!env.device || min === undefined || plain.length >= min) return false;
  env.error(`% Password too short - must be at least ${min} characters. Password configuration failed`);
  return true;
}

function setUser(env: IosEnv, a: Args): void {
  const name = a.need<string>('name');
  const text = a.need<string>('text');
  const c = env.config();
  const users = c.users ?? [];
  const cur = users.find((u) => u.name === name);
  const isSecret = a.has('secret');
  let secret: string | undefined;
  let password: Password | undefined;
  if (isSecret) {
    if (a.has('5')) {
      if (!parseMd5Crypt(text)) {
        env.error(...BAD_TYPE5);
        return;
      }
      secret = text;
    } else {
      if (tooShort(env, text)) return;
      secret = hashSecret(text);
    }
  } else {
    password = typedPassword(env, text, a.has('7'));
    if (password === undefined || (!a.has('7') && tooShort(env, text))) return;
  }
  if (cur && ((isSecret && cur.password !== undefined) || (!isSecret && cur.secret !== undefined))) {
    env.error(
      'ERROR: Can not have both a user password and a user secret.',
      'Please choose one or the other.',
    );
    return;
  }
  const privilege = a.value<number>('privilege') ?? cur?.privilege;
  const user: UserAccount = {
    name,
    ...(privilege !== undefined && privilege !== 1 ? { privilege } : {}),
    ...(secret !== undefined ? { secret } : {}),
    ...(password !== undefined ? { password } : {}),
  };
  const next = cur ? users.map((u) => (u === cur ? user : u)) : [...users, user];
  env.setConfig({ ...c, users: next });
}

function removeUser(env: IosEnv, a: Args): void {
  const c = env.config();
  const name = a.need<string>('name');
  const users = (c.users ?? []).filter((u) => u.name !== name);
  env.setConfig(users.length === 0 ? without(c, 'users') : { ...c, users });
}

function credentials(): IosNode[] {
  const h = run(setUser);
  return [
    kw(
      'password',
      'Specify the password for the user',
      kw(
        '0',
        'Specifies an UNENCRYPTED password will follow',
        arg('text', LINE, 'The UNENCRYPTED (cleartext) user password', h),
      ),
      kw(
        '7',
        'Specifies a HIDDEN password will follow',
        arg('text', WORD, 'The HIDDEN user password string', h),
      ),
      arg('text', LINE, 'The UNENCRYPTED (cleartext) user password', h),
    ),
    kw(
      'secret',
      'Specify the secret for the user',
      kw(
        '0',
        'Specifies an UNENCRYPTED secret will follow',
        arg('text', LINE, 'The UNENCRYPTED (cleartext) user secret', h),
      ),
      kw(
        '5',
        'Specifies a MD5 HASHED secret will follow',
        arg('text', WORD, 'The MD5 HASHED user secret string', h),
      ),
      arg('text', LINE, 'The UNENCRYPTED (cleartext) user secret', h),
    ),
  ];
}

const usernameHelp = 'Establish User Name Authentication';

export const usernameNode = (): IosNode =>
  kw(
    'username',
    usernameHelp,
    arg(
      'name',
      WORD,
      'User name',
      ...credentials(),
      kw(
        'privilege',
        'Set user privilege level',
        arg('privilege', range(0, 15), 'User privilege level', ...credentials()),
      ),
    ),
  );

export const noUsernameNode = (): IosNode =>
  kw('username', usernameHelp, arg('name', WORD, 'User name', run(removeUser)));

const securityHelp = 'Infra Security CLIs';
const passwordsHelp = 'Security CLIs for passwords';
const minLengthHelp = 'Minimum length of passwords';

export const securityNode = (): IosNode =>
  kw(
    'security',
    securityHelp,
    kw(
      'passwords',
      passwordsHelp,
      kw(
        'min-length',
        minLengthHelp,
        arg(
          'length',
          range(0, 16),
          'Minimum length of all user/enable passwords',
          run((env, a) => {
            const n = a.need<number>('length');
            const c = env.config();
            env.setConfig(n === 0 ? without(c, 'minPasswordLength') : { ...c, minPasswordLength: n });
          }),
        ),
      ),
    ),
  );

export const noSecurityNode = (): IosNode =>
  kw(
    'security',
    securityHelp,
    kw(
      'passwords',
      passwordsHelp,
      kw(
        'min-length',
        minLengthHelp,
        run((env) => env.setConfig(without(env.config(), 'minPasswordLength'))),
      ),
    ),
  );

const MODULUS_MIN = 360;
const MODULUS_MAX = 4096;

const sshVersionText = (env: IosEnv): string => {
  const v = env.config().sshVersion;
  return v === 2 ? '2.0' : v === 1 ? '1.5' : '1.99';
};

/** Key generation takes time that grows with the modulus; IOS reports it in whole seconds. */
const generationSeconds = (bits: number): number => Math.round((bits / 1024) ** 2);

function makeKeys(env: IosEnv, bits: number): void {
  env.print(
    `% Generating ${bits} bit RSA keys, keys will be non-exportable...`,
    `[OK] (elapsed time was ${generationSeconds(bits)} seconds)`,
    '',
  );
  env.setConfig({ ...env.config(), rsaKeyBits: bits });
  const rt = env.runtime;
  if (rt) rt.keyLabel = `${env.config().hostname}.${env.config().domainName ?? ''}@${rt.now()}`;
  env.log(`%SSH-5-ENABLED: SSH ${sshVersionText(env)} has been enabled`);
}

function askModulus(env: IosEnv): void {
  env.ask({
    prompt: `How many bits in the modulus [512]: `,
    answer(e, text) {
      const t = text.trim();
      const bits = t === '' ? 512 : Number(t);
      if (!/^\d*$/.test(t) || bits < MODULUS_MIN || bits > MODULUS_MAX) {
        e.print(`% A decimal number between ${MODULUS_MIN} and ${MODULUS_MAX}.`);
        askModulus(e);
        return;
      }
      makeKeys(e, bits);
    },
  });
}

function generate(env: IosEnv, bits: number | undefined): void {
  const c = env.config();
  const label = `${c.hostname}.${c.domainName}`;
  env.print(`The name for the keys will be: ${label}`);
  if (bits !== undefined) {
    env.print('', `% The key modulus size is ${bits} bits`);
    makeKeys(env, bits);
    return;
  }
  env.print(
    `Choose the size of the key modulus in the range of ${MODULUS_MIN} to ${MODULUS_MAX} for your`,
    '  General Purpose Keys. Choosing a key modulus greater than 512 may take',
    '  a few minutes.',
    '',
  );
  askModulus(env);
}

/**
 * `crypto key generate rsa [general-keys] [modulus N]`. Keys are kept in private NVRAM, not
 * in the configuration text, so reading a text never makes any.
 */
function generateKeys(env: IosEnv, a: Args): void {
  if (!env.device) return;
  const c = env.config();
  if (c.hostname === FACTORY_HOSTNAME[env.kind]) {
    env.error(`% Please define a hostname other than ${c.hostname}.`);
    return;
  }
  if (c.domainName === undefined) {
    env.error('% Please define a domain-name first.');
    return;
  }
  const bits = a.value<number>('bits');
  if (c.rsaKeyBits === undefined) {
    generate(env, bits);
    return;
  }
  env.print(`% You already have RSA keys defined named ${c.hostname}.${c.domainName}.`);
  const replace = {
    prompt: '% Do you really want to replace them? [yes/no]: ',
    answer(e: IosEnv, text: string): void {
      const t = text.trim().toLowerCase();
      if (t !== '' && 'yes'.startsWith(t)) generate(e, bits);
      else if (t === '' || !'no'.startsWith(t)) {
        e.print("% Please answer 'yes' or 'no'.");
        e.ask(replace);
      }
    },
  };
  env.ask(replace);
}

function zeroize(env: IosEnv): void {
  if (!env.device) return;
  env.print(
    '% All keys will be removed.',
    '% All router certs issued using these keys will also be removed.',
  );
  const confirm = {
    prompt: 'Do you really want to remove these keys? [yes/no]: ',
    answer(e: IosEnv, text: string): void {
      const t = text.trim().toLowerCase();
      if (t !== '' && 'yes'.startsWith(t)) {
        const had = e.config().rsaKeyBits !== undefined;
        e.setConfig(without(e.config(), 'rsaKeyBits'));
        if (e.runtime) e.runtime.keyLabel = undefined;
        if (had) e.log(`%SSH-5-DISABLED: SSH ${sshVersionText(e)} has been disabled`);
      } else if (t === '' || !'no'.startsWith(t)) {
        e.print("% Please answer 'yes' or 'no'.");
        e.ask(confirm);
      }
    },
  };
  env.ask(confirm);
}

export function cryptoNode(): IosNode {
  const modulus = (...more: IosNode[]) =>
    kw(
      'modulus',
      'Provide number of modulus bits on the command line',
      arg(
        'bits',
        range(MODULUS_MIN, MODULUS_MAX),
        `size of the key modulus [${MODULUS_MIN}-${MODULUS_MAX}]`,
        run(generateKeys),
        ...more,
      ),
    );
  return kw(
    'crypto',
    'Encryption module',
    kw(
      'key',
      'Long term key operations',
      kw(
        'generate',
        'Generate new keys',
        kw(
          'rsa',
          'Generate RSA keys',
          run(generateKeys),
          kw(
            'general-keys',
            'Generate a general purpose RSA key pair for signing and encryption',
            run(generateKeys),
            modulus(),
          ),
          modulus(),
        ),
      ),
      kw('zeroize', 'Remove keys', kw('rsa', 'Remove RSA keys', run(zeroize))),
    ),
  );
}

const RSA_FOR_SSH = 'Please create RSA keys to enable SSH (and of atleast 768 bits for SSH v2).';

const sshHelp = 'Configure ssh options';
const sshVersionHelp = 'Specify protocol version supported';

/** `ip ssh` settings that take a number, with IOS's default, which running-config does not list. */
const SSH_SETTINGS = [
  {
    word: 'authentication-retries',
    help: 'Specify number of authentication retries',
    field: 'sshRetries',
    arg: ['retries', 0, 5, 'Number of authentication retries'],
    byDefault: 3,
  },
  {
    word: 'time-out',
    help: 'Specify SSH time-out interval',
    field: 'sshTimeout',
    arg: ['seconds', 1, 120, 'SSH time-out interval (secs)'],
    byDefault: 120,
  },
] as const;

/** `ip ssh WORD N`, or its `no` form, which IOS takes with or without the number. */
function sshSettingNode(setting: (typeof SSH_SETTINGS)[number], no: boolean): IosNode {
  const [name, lo, hi, help] = setting.arg;
  const set = (env: IosEnv, value: number): void => {
    const c = without(env.config(), setting.field);
    env.setConfig(no || value === setting.byDefault ? c : { ...c, [setting.field]: value });
  };
  const value = arg(
    name,
    range(lo, hi),
    help,
    run((env, a) => set(env, a.need<number>(name))),
  );
  return no
    ? kw(
        setting.word,
        setting.help,
        run((env) => set(env, setting.byDefault)),
        value,
      )
    : kw(setting.word, setting.help, value);
}

export const sshNode = (): IosNode =>
  kw(
    'ssh',
    sshHelp,
    ...SSH_SETTINGS.map((setting) => sshSettingNode(setting, false)),
    kw(
      'version',
      sshVersionHelp,
      arg(
        'version',
        range(1, 2),
        'Protocol version',
        run((env, a) => {
          const version = a.need<number>('version') as 1 | 2;
          const bits = env.config().rsaKeyBits;
          if (env.device && version === 2 && (bits === undefined || bits < 768)) env.print(RSA_FOR_SSH);
          env.setConfig({ ...env.config(), sshVersion: version });
        }),
      ),
    ),
  );

export const noSshNode = (): IosNode =>
  kw(
    'ssh',
    sshHelp,
    ...SSH_SETTINGS.map((setting) => sshSettingNode(setting, true)),
    kw(
      'version',
      sshVersionHelp,
      run((env) => env.setConfig(without(env.config(), 'sshVersion'))),
    ),
  );

/** show ip ssh. */
export function showIpSsh(env: IosEnv): string[] {
  const c = env.config();
  const [retries, timeout] = SSH_SETTINGS.map((setting) => c[setting.field] ?? setting.byDefault);
  const bits = c.rsaKeyBits;
  const enabled = bits !== undefined && (c.sshVersion !== 2 || bits >= 768);
  const out = [`SSH ${enabled ? 'Enabled' : 'Disabled'} - version ${sshVersionText(env)}`];
  if (!enabled) out.push(`%${RSA_FOR_SSH}`);
  out.push(`Authentication timeout: ${timeout} secs; Authentication retries: ${retries}`);
  return out;
}
