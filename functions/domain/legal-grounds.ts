import type { InfringementType, Jurisdiction } from './vocabulary.ts';

/** The law a takedown relies on (DSA Art 17(3)(d): "a reference to the legal ground"). */
export interface LegalGround {
  /** Statutes, ≤ 500 characters (the Transparency Database limit). */
  reference: string;
  /** Why content of this kind is illegal on that ground, in plain words, with no personal data. */
  explanation: string;
}

const EXPLANATIONS: Record<InfringementType, string> = {
  counterfeit:
    'The listing offers goods bearing, without the owner’s consent, a sign identical to a registered trademark for the same goods: counterfeit goods.',
  trademark:
    'The listing uses, without the owner’s consent, a sign identical or similar to a registered trademark for identical or similar goods, which is likely to confuse buyers.',
  copyright:
    'The listing reproduces or distributes a copyright-protected work without the authorisation of the copyright owner.',
  patent:
    'The listing offers for sale a product that falls within the claims of a patent in force, without the patent owner’s consent.',
  design:
    'The listing offers a product that takes the protected design, or one that gives no different overall impression, without the owner’s consent.',
};

const REFERENCES: Record<Jurisdiction, Record<InfringementType, string>> = {
  US: {
    counterfeit: '15 U.S.C. §1114(1) and §1116(d) (Lanham Act: use of a counterfeit mark)',
    trademark: '15 U.S.C. §1114(1) and §1125(a) (Lanham Act: trademark infringement)',
    copyright:
      '17 U.S.C. §106 and §501 (copyright infringement); notice under 17 U.S.C. §512(c)(3)',
    patent: '35 U.S.C. §271(a) (patent infringement: offering to sell, selling)',
    design: '35 U.S.C. §171 and §289 (design patent infringement)',
  },
  EU: {
    counterfeit:
      'Regulation (EU) 2017/1001, Art 9(2)(a) (EU trade mark), or national law implementing Directive (EU) 2015/2436, Art 10; notice under Regulation (EU) 2022/2065 (DSA), Art 16',
    trademark:
      'Regulation (EU) 2017/1001, Art 9(2) (EU trade mark), or national law implementing Directive (EU) 2015/2436, Art 10; notice under Regulation (EU) 2022/2065 (DSA), Art 16',
    copyright:
      'National law implementing Directive 2001/29/EC, Arts 2-4 (reproduction, communication to the public, distribution); notice under Regulation (EU) 2022/2065 (DSA), Art 16',
    patent:
      'National patent law of the Member State where the patent is in force (for a European patent, EPC Art 64); notice under Regulation (EU) 2022/2065 (DSA), Art 16',
    design:
      'Regulation (EC) No 6/2002, Art 19 (Community design), or national law implementing Directive 98/71/EC; notice under Regulation (EU) 2022/2065 (DSA), Art 16',
  },
  CN: {
    counterfeit:
      'Trademark Law of the PRC, Art 57(1); notice under E-Commerce Law Art 42 and Civil Code Art 1195',
    trademark:
      'Trademark Law of the PRC, Art 57(2); notice under E-Commerce Law Art 42 and Civil Code Art 1195',
    copyright:
      'Copyright Law of the PRC, Arts 52-53; notice under E-Commerce Law Art 42 and Civil Code Art 1195',
    patent:
      'Patent Law of the PRC, Art 11; notice under E-Commerce Law Art 42 and Civil Code Art 1195',
    design:
      'Patent Law of the PRC, Art 11 (design patent); notice under E-Commerce Law Art 42 and Civil Code Art 1195',
  },
};

/** The legal ground of a takedown for a jurisdiction and infringement type. */
export function legalGround(
  jurisdiction: Jurisdiction,
  infringementType: InfringementType,
): LegalGround {
  return {
    reference: REFERENCES[jurisdiction][infringementType],
    explanation: EXPLANATIONS[infringementType],
  };
}
