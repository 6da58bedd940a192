import { assertCanRespond, InvitationStatus as I } from './invitation-status.js';

describe('invitations', () => {
  it('go from invited to accepted or declined', () => {
    expect(() => assertCanRespond(I.INVITED, I.ACCEPTED)).not.toThrow();
    expect(() => assertCanRespond(I.INVITED, I.DECLINED)).not.toThrow();
  });

  it('are answered once only', () => {
    expect(() => assertCanRespond(I.ACCEPTED, I.DECLINED)).toThrow(/already accepted/);
    expect(() => assertCanRespond(I.DECLINED, I.ACCEPTED)).toThrow(/already declined/);
    expect(() => assertCanRespond(I.ACCEPTED, I.ACCEPTED)).toThrow(/already accepted/);
  });

  it('cannot be answered once the district withdrew them', () => {
    expect(() => assertCanRespond(I.WITHDRAWN, I.ACCEPTED)).toThrow(/already withdrawn/);
    expect(() => assertCanRespond(I.WITHDRAWN, I.DECLINED)).toThrow(/already withdrawn/);
  });

  it('cannot be answered with "invited"', () => {
    expect(() => assertCanRespond(I.INVITED, I.INVITED)).toThrow(/accepted or declined/);
  });
});
