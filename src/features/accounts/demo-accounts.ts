/**
 * Demo accounts, one per role, created on first start in development (never when NODE_ENV=production).
 * Listed with their passwords in docs/accounts.md.
 */
import type { Role } from './accounts';

export interface DemoAccount {
  name: string;
  email: string;
  password: string;
  role: Role;
  producerId: string | null;
  provinceId: string | null;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    name: 'Lan Nguyễn',
    email: 'shopper@example.com',
    password: 'ocop-shopper-demo',
    role: 'shopper',
    producerId: null,
    provinceId: null,
  },
  // Đông Á makes Ben Tre's 5-star coconut candies (content/producers/dong-a.yaml).
  {
    name: 'Minh Trần (Đông Á)',
    email: 'producer@example.com',
    password: 'ocop-producer-demo',
    role: 'producer',
    producerId: 'dong-a',
    provinceId: null,
  },
  {
    name: 'Hoa Lê (Sở NN&MT Bến Tre)',
    email: 'promoter@example.com',
    password: 'ocop-promoter-demo',
    role: 'promoter',
    producerId: null,
    provinceId: 'ben-tre',
  },
  // Cà Mau's candidates for 5 stars (SK NONI and others): this promoter records their national results.
  {
    name: 'Tuấn Phạm (Sở NN&MT Cà Mau)',
    email: 'promoter-camau@example.com',
    password: 'ocop-promoter-camau-demo',
    role: 'promoter',
    producerId: null,
    provinceId: 'ca-mau',
  },
  {
    name: 'Quản trị viên',
    email: 'admin@example.com',
    password: 'ocop-admin-demo',
    role: 'admin',
    producerId: null,
    provinceId: null,
  },
];
