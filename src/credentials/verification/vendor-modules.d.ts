// The Digital Bazaar and DCC packages ship no TypeScript types; these are the parts Pathways uses.
declare module 'jsonld-signatures' {
  const jsigs: {
    verify(
      document: object,
      options: Record<string, unknown>,
    ): Promise<{ verified: boolean; error?: { errors?: Error[]; message?: string } & Error; results?: unknown[] }>;
    sign(document: object, options: Record<string, unknown>): Promise<Record<string, unknown>>;
    purposes: { AssertionProofPurpose: new (options?: Record<string, unknown>) => object };
  };
  export default jsigs;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { cryptosuite: unknown; signer?: unknown; date?: string | Date });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { sign(args: { data: Uint8Array }): Promise<Uint8Array>; id: string; algorithm: string };
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, string>>;
  }
  export function generate(options?: { id?: string; controller?: string; seed?: Uint8Array }): Promise<Ed25519KeyPair>;
  export function from(key: Record<string, unknown>): Promise<Ed25519KeyPair>;
}
declare module '@digitalbazaar/vc' {
  export class CredentialIssuancePurpose {
    constructor(options?: Record<string, unknown>);
  }
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/vc-status-list-context' {
  export const contexts: Map<string, object>;
}
declare module 'did-context' {
  export const contexts: Map<string, object>;
}
declare module '@digitalbazaar/did-method-key' {
  export function driver(options?: Record<string, unknown>): {
    use(options: { multibaseMultikeyHeader: string; fromMultibase: (key: Record<string, unknown>) => Promise<unknown> }): void;
    get(options: { did?: string; url?: string }): Promise<Record<string, unknown>>;
  };
}
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/ecdsa-multikey' {
  export interface EcdsaKeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { sign(args: { data: Uint8Array }): Promise<Uint8Array>; id: string; algorithm: string };
    export(options: { publicKey?: boolean; secretKey?: boolean; includeContext?: boolean }): Promise<Record<string, string>>;
  }
  export function generate(options: { id?: string; controller?: string; curve: 'P-256' | 'P-384' }): Promise<EcdsaKeyPair>;
  export function from(key: Record<string, unknown>): Promise<EcdsaKeyPair>;
  export function toJwk(options: { keyPair: EcdsaKeyPair; secretKey?: boolean }): Promise<Record<string, unknown>>;
}
